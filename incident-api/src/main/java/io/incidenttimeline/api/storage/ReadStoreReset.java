package io.incidenttimeline.api.storage;

import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.runtime.ReplayableProjection;
import io.incidenttimeline.projections.support.ProcessorState;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the read store for a deliberate rebuild: every generation of every read model, every processor token and
 * the state processors keep beside it,
 * so the processors start again from the first event. Only ever run before the processors start.
 */
class ReadStoreReset {

    private final List<ReplayableProjection> projections;
    private final ProjectionGenerations generations;
    private final List<ProcessorState> processorStates;
    private final JdbcTemplate readStore;

    ReadStoreReset(List<ReplayableProjection> projections, List<ProcessorState> processorStates,
                   ProjectionGenerations generations, JdbcTemplate readStore) {
        this.projections = projections;
        this.processorStates = processorStates;
        this.generations = generations;
        this.readStore = readStore;
    }

    void clear() {
        for (ReplayableProjection projection : projections) {
            ProjectionGenerations.State state = generations.state(projection.name());
            int highest = Math.max(state.active(), state.building() == null ? 0 : state.building());
            for (int generation = 1; generation <= highest; generation++) {
                projection.deleteGeneration(generation);
            }
            if (state.replaying()) {
                generations.abandonReplay(projection.name(), state.building());
            }
        }
        processorStates.forEach(ProcessorState::clear);
        readStore.update("DELETE FROM TokenEntry");
    }
}
