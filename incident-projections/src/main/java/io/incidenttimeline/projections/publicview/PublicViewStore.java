package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of the public view, one JSON document per incident and per component, per generation. */
@Repository
public class PublicViewStore {

    private final JdbcTemplate jdbc;

    public PublicViewStore(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicIncident> incident(int generation, String incidentId) {
        return jdbc.query("SELECT document FROM public_incident WHERE generation = ? AND incident_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation, incidentId)
                .stream().findFirst();
    }

    /** Writes a batch's new and changed incident documents, each kind as one JDBC batch. */
    public void saveIncidents(int generation, List<PublicIncident> inserts, List<PublicIncident> updates) {
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE public_incident SET visible = ?, resolved = ?, declared_at = ?, updated_at = ?, "
                    + "document = ? WHERE generation = ? AND incident_id = ?", updates.stream().map(incident -> new Object[] {
                    incident.visible(), incident.resolved(), Timestamps.column(incident.declaredAt()),
                    Timestamps.column(incident.updatedAt()), ReadModelJson.write(incident), generation, incident.id()})
                    .toList());
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO public_incident (generation, incident_id, visible, resolved, declared_at, "
                    + "updated_at, document) VALUES (?, ?, ?, ?, ?, ?, ?)", inserts.stream().map(incident -> new Object[] {
                    generation, incident.id(), incident.visible(), incident.resolved(),
                    Timestamps.column(incident.declaredAt()), Timestamps.column(incident.updatedAt()),
                    ReadModelJson.write(incident)}).toList());
        }
    }

    /** The incidents the public may see, most recently declared first. */
    public List<PublicIncident> visibleIncidents(int generation, int limit) {
        return jdbc.query("SELECT document FROM public_incident WHERE generation = ? AND visible = TRUE "
                        + "ORDER BY generation, visible, declared_at DESC, incident_id LIMIT ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation, limit);
    }

    /** The incidents the public may see that were declared at or after {@code from}, most recently declared first. */
    public List<PublicIncident> visibleIncidentsDeclaredSince(int generation, Instant from) {
        return jdbc.query("SELECT document FROM public_incident WHERE generation = ? AND visible = TRUE "
                        + "AND declared_at >= ? ORDER BY declared_at DESC, incident_id",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation,
                Timestamps.column(from));
    }

    /** The visible incident that changed last, which dates the page when no open incident is newer. */
    public Optional<PublicIncident> lastChangedIncident(int generation) {
        return jdbc.query("SELECT document FROM public_incident WHERE generation = ? AND visible = TRUE "
                        + "ORDER BY generation, visible, updated_at DESC, incident_id LIMIT 1",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation).stream().findFirst();
    }

    public List<PublicIncident> unresolvedIncidents(int generation) {
        return jdbc.query("SELECT document FROM public_incident WHERE generation = ? AND visible = TRUE "
                        + "AND resolved = FALSE ORDER BY declared_at DESC, incident_id",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation);
    }

    public Optional<PublicComponent> component(int generation, String componentId) {
        return jdbc.query("SELECT document FROM public_component WHERE generation = ? AND component_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicComponent.class), generation, componentId)
                .stream().findFirst();
    }

    public void saveComponents(int generation, List<PublicComponent> inserts, List<PublicComponent> updates) {
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE public_component SET document = ? WHERE generation = ? AND component_id = ?",
                    updates.stream().map(c -> new Object[] {ReadModelJson.write(c), generation, c.id()}).toList());
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO public_component (generation, component_id, document) VALUES (?, ?, ?)",
                    inserts.stream().map(c -> new Object[] {generation, c.id(), ReadModelJson.write(c)}).toList());
        }
    }

    public List<PublicComponent> components(int generation) {
        return jdbc.query("SELECT document FROM public_component WHERE generation = ? ORDER BY component_id",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicComponent.class), generation);
    }

    public void deleteGeneration(int generation) {
        jdbc.update("DELETE FROM public_incident WHERE generation = ?", generation);
        jdbc.update("DELETE FROM public_component WHERE generation = ?", generation);
    }
}
