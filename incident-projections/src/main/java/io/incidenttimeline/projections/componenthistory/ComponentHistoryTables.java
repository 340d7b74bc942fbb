package io.incidenttimeline.projections.componenthistory;

import io.incidenttimeline.projections.document.DocumentChange;
import io.incidenttimeline.projections.document.DocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.support.Timestamps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of the component history: one document per incident, and the status intervals it amounts to, which the
 * uptime bars read. An incident's intervals are replaced whole whenever they change (a retraction or a corrected
 * impact window may change them all).
 */
final class ComponentHistoryTables implements DocumentTable<IncidentStatusHistory> {

    private final JdbcTemplate jdbc;
    private final JsonDocumentTable<IncidentStatusHistory> incidents;

    ComponentHistoryTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.incidents = new JsonDocumentTable<>(jdbc, "component_history_incident", "incident_id",
                IncidentStatusHistory.class, IncidentStatusHistory::incidentId,
                (type, aggregateId) -> AggregateTypes.INCIDENT.equals(type) ? aggregateId : null, List.of());
    }

    @Override
    public String documentId(String aggregateType, String aggregateId) {
        return incidents.documentId(aggregateType, aggregateId);
    }

    @Override
    public Map<String, IncidentStatusHistory> load(int generation, Collection<String> documentIds) {
        return incidents.load(generation, documentIds);
    }

    @Override
    public void write(int generation, List<DocumentChange<IncidentStatusHistory>> changes) {
        incidents.write(generation, changes);
        List<DocumentChange<IncidentStatusHistory>> moved = changes.stream()
                .filter(c -> c.inserted() || !c.after().intervals().equals(c.before().intervals())).toList();
        List<Object[]> replaced = moved.stream().filter(c -> !c.inserted())
                .map(c -> new Object[] {generation, c.after().incidentId()}).toList();
        if (!replaced.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM component_status_interval WHERE generation = ? AND incident_id = ?", replaced);
        }
        List<Object[]> intervals = new ArrayList<>();
        for (DocumentChange<IncidentStatusHistory> change : moved) {
            List<StatusInterval> after = change.after().intervals();
            for (int i = 0; i < after.size(); i++) {
                StatusInterval interval = after.get(i);
                intervals.add(new Object[] {generation, change.after().incidentId(), i, interval.componentId(),
                        interval.status().wire(), Timestamps.column(interval.startedAt()),
                        Timestamps.column(interval.endedAt())});
            }
        }
        if (!intervals.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO component_status_interval (generation, incident_id, ordinal, component_id, "
                    + "status, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)", intervals);
        }
    }

    @Override
    public void deleteGeneration(int generation) {
        jdbc.update("DELETE FROM component_status_interval WHERE generation = ?", generation);
        incidents.deleteGeneration(generation);
    }
}
