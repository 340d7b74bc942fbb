package io.incidenttimeline.projections.componenthistory;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The component status history read model, a processing group of its own: per incident the public facts about its
 * components ({@link IncidentStatusHistory}), and the status intervals they amount to, which the uptime bars read.
 * An incident's intervals are replaced whole whenever its facts change (a retraction or a corrected impact window
 * may change them all).
 */
@Component
@ProcessingGroup(ComponentHistoryProjection.NAME)
public class ComponentHistoryProjection implements ReplayableProjection {

    public static final String NAME = "component-history";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final AggregateProgress progress;

    public ComponentHistoryProjection(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations,
                                      AggregateProgress progress) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.progress = progress;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only incidents' events: this processor has no batch to commit for another stream's. */
    @EventHandler
    void on(IncidentEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        int generation = generations.writeGeneration(NAME);
        if (!progress.firstDelivery(NAME, generation, aggregateId, sequence)) {
            return;
        }
        IncidentStatusHistory before = load(generation, aggregateId).orElse(null);
        IncidentStatusHistory after = IncidentStatusHistory.apply(before, event);
        if (after == null || after.equals(before)) {
            return;
        }
        String document = ReadModelJson.write(after);
        if (jdbc.update("UPDATE component_history_incident SET document = ? WHERE generation = ? AND incident_id = ?",
                document, generation, after.incidentId()) == 0) {
            jdbc.update("INSERT INTO component_history_incident (generation, incident_id, document) VALUES (?, ?, ?)",
                    generation, after.incidentId(), document);
        }
        List<StatusInterval> intervals = after.intervals();
        if (before != null && intervals.equals(before.intervals())) {
            return;
        }
        jdbc.update("DELETE FROM component_status_interval WHERE generation = ? AND incident_id = ?", generation,
                after.incidentId());
        for (int i = 0; i < intervals.size(); i++) {
            StatusInterval interval = intervals.get(i);
            jdbc.update("INSERT INTO component_status_interval (generation, incident_id, ordinal, component_id, status, "
                            + "started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)", generation, after.incidentId(), i,
                    interval.componentId(), interval.status().wire(), Timestamps.column(interval.startedAt()),
                    Timestamps.column(interval.endedAt()));
        }
    }

    /** The intervals that overlap [from, to), of every component, oldest first. */
    public List<StatusInterval> intervals(Instant from, Instant to) {
        return jdbc.query("SELECT component_id, status, started_at, ended_at FROM component_status_interval "
                        + "WHERE generation = ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?) "
                        + "ORDER BY started_at, component_id, incident_id, ordinal",
                (rs, row) -> new StatusInterval(rs.getString("component_id"), ComponentStatus.of(rs.getString("status")),
                        Timestamps.instant(rs, "started_at"), Timestamps.instant(rs, "ended_at")),
                generations.readGeneration(NAME), Timestamps.column(to), Timestamps.column(from));
    }

    private Optional<IncidentStatusHistory> load(int generation, String incidentId) {
        return jdbc.query("SELECT document FROM component_history_incident WHERE generation = ? AND incident_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), IncidentStatusHistory.class), generation, incidentId)
                .stream().findFirst();
    }

    @ResetHandler
    void onReset() {
        var state = generations.state(NAME);
        if (state.replaying()) {
            deleteGeneration(state.building());
        }
    }

    @Override
    public void deleteGeneration(int generation) {
        jdbc.update("DELETE FROM component_status_interval WHERE generation = ?", generation);
        jdbc.update("DELETE FROM component_history_incident WHERE generation = ?", generation);
        progress.deleteGeneration(NAME, generation);
    }
}
