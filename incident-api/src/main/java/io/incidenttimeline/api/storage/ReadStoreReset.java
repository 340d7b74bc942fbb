package io.incidenttimeline.api.storage;

import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the read store for a deliberate rebuild: every generation of every read model and every processor token,
 * so the processors start again from the first event. Only ever run before the processors start.
 */
class ReadStoreReset {

    private final List<ReplayableProjection> projections;
    private final ProjectionGenerations generations;
    private final JdbcTemplate readStore;

    ReadStoreReset(List<ReplayableProjection> projections, ProjectionGenerations generations, JdbcTemplate readStore) {
        this.projections = projections;
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
                generations.abandonReplay(projection.name());
            }
        }
        readStore.update("DELETE FROM TokenEntry");
    }
}
