package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.projections.document.DocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable.Column;
import io.incidenttimeline.projections.support.AggregateTypes;
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
    private final JsonDocumentTable<PublicIncident> incidents;
    private final JsonDocumentTable<PublicComponent> components;

    public PublicViewStore(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.incidents = new JsonDocumentTable<>(jdbc, "public_incident", "incident_id", PublicIncident.class,
                PublicIncident::id, (type, aggregateId) -> AggregateTypes.INCIDENT.equals(type) ? aggregateId : null,
                List.of(new Column<>("visible", PublicIncident::visible), new Column<>("resolved", PublicIncident::resolved),
                        new Column<>("declared_at", i -> Timestamps.column(i.declaredAt())),
                        new Column<>("updated_at", i -> Timestamps.column(i.updatedAt()))));
        this.components = new JsonDocumentTable<>(jdbc, "public_component", "component_id", PublicComponent.class,
                PublicComponent::id, (type, aggregateId) -> AggregateTypes.COMPONENT.equals(type)
                ? ComponentIds.componentId(aggregateId) : null, List.of());
    }

    /** The incidents' documents, which the projection writes. */
    DocumentTable<PublicIncident> incidents() {
        return incidents;
    }

    DocumentTable<PublicComponent> components() {
        return components;
    }

    public Optional<PublicIncident> incident(int generation, String incidentId) {
        return jdbc.query("SELECT document FROM public_incident WHERE generation = ? AND incident_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation, incidentId)
                .stream().findFirst();
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

    /**
     * The incidents the public may see that were declared in [{@code from}, {@code until}), most recently declared
     * first.
     */
    public List<PublicIncident> visibleIncidentsDeclaredBetween(int generation, Instant from, Instant until) {
        return jdbc.query("SELECT document FROM public_incident WHERE generation = ? AND visible = TRUE "
                        + "AND declared_at >= ? AND declared_at < ? ORDER BY declared_at DESC, incident_id",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation,
                Timestamps.column(from), Timestamps.column(until));
    }

    /** When each incident the public may see was declared, oldest first; the history page's months come from it. */
    public List<Instant> visibleDeclarationTimes(int generation) {
        return jdbc.query("SELECT declared_at FROM public_incident WHERE generation = ? AND visible = TRUE "
                        + "ORDER BY declared_at", (rs, row) -> Timestamps.instant(rs, "declared_at"), generation);
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

    public List<PublicComponent> components(int generation) {
        return jdbc.query("SELECT document FROM public_component WHERE generation = ? ORDER BY component_id",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicComponent.class), generation);
    }
}
