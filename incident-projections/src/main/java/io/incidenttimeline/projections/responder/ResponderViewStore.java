package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.projections.document.DocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable.Column;
import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The rows of the responder view: one JSON document per incident, with the columns its lists select on, and one per
 * component, per generation. {@code component_ids} lists every component an incident named as {@code ,a,b,}; ids
 * cannot contain a comma.
 */
@Repository
public class ResponderViewStore {

    private static final RowMapper<ResponderIncident> INCIDENT =
            (rs, row) -> ReadModelJson.read(rs.getString(1), ResponderIncident.class);
    private static final RowMapper<ResponderComponent> COMPONENT =
            (rs, row) -> ReadModelJson.read(rs.getString(1), ResponderComponent.class);

    private final JdbcTemplate jdbc;
    private final JsonDocumentTable<ResponderIncident> incidents;
    private final JsonDocumentTable<ResponderComponent> components;

    public ResponderViewStore(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.incidents = new JsonDocumentTable<>(jdbc, "responder_incident", "incident_id", ResponderIncident.class,
                ResponderIncident::id, (type, aggregateId) -> AggregateTypes.INCIDENT.equals(type) ? aggregateId : null,
                List.of(new Column<>("declared_at", i -> column(i.declaredAt())),
                        new Column<>("status", i -> i.status() == null ? null : i.status().wire()),
                        new Column<>("resolved", ResponderIncident::resolved),
                        new Column<>("visible", ResponderIncident::visible),
                        new Column<>("component_ids", i -> "," + String.join(",", i.namedComponents()) + ",")));
        this.components = new JsonDocumentTable<>(jdbc, "responder_component", "component_id",
                ResponderComponent.class, ResponderComponent::id, (type, aggregateId) ->
                AggregateTypes.COMPONENT.equals(type) ? ComponentIds.componentId(aggregateId) : null, List.of());
    }

    DocumentTable<ResponderIncident> incidents() {
        return incidents;
    }

    DocumentTable<ResponderComponent> components() {
        return components;
    }

    /** The incident, once its declaration has its first update (the two events of one command). */
    public Optional<ResponderIncident> incident(int generation, String incidentId) {
        return jdbc.query("SELECT document FROM responder_incident WHERE generation = ? AND incident_id = ? "
                + "AND status IS NOT NULL", INCIDENT, generation, incidentId).stream().findFirst();
    }

    /** Up to {@code limit} incidents after {@code after} (null: from the newest), newest declaration first. */
    public List<ResponderIncident> incidents(int generation, IncidentFilter filter, IncidentCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT document FROM responder_incident WHERE generation = ? "
                + "AND status IS NOT NULL");
        List<Object> args = new ArrayList<>(List.of(generation));
        if (filter.resolved() != null) {
            sql.append(" AND resolved = ?");
            args.add(filter.resolved());
        }
        if (filter.visible() != null) {
            sql.append(" AND visible = ?");
            args.add(filter.visible());
        }
        if (filter.component() != null) {
            sql.append(" AND component_ids LIKE ? ESCAPE '!'");
            args.add("%," + filter.component().replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%");
        }
        if (filter.from() != null) {
            sql.append(" AND declared_at >= ?");
            args.add(Timestamps.column(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND declared_at < ?");
            args.add(Timestamps.column(filter.to()));
        }
        if (after != null) {
            sql.append(" AND (declared_at < ? OR (declared_at = ? AND incident_id > ?))");
            args.add(column(after.declaredAt()));
            args.add(column(after.declaredAt()));
            args.add(after.incidentId());
        }
        sql.append(" ORDER BY declared_at DESC, incident_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), INCIDENT, args.toArray());
    }

    /**
     * A declaration time as the column keeps it, to the microsecond (what both databases store), so that a cursor
     * taken from a document compares equal to its own row.
     */
    public static OffsetDateTime column(Instant instant) {
        return Timestamps.column(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public List<ResponderIncident> openIncidents(int generation) {
        return jdbc.query("SELECT document FROM responder_incident WHERE generation = ? AND resolved = FALSE "
                + "AND status IS NOT NULL",
                INCIDENT, generation);
    }

    public List<ResponderComponent> components(int generation) {
        return jdbc.query("SELECT document FROM responder_component WHERE generation = ? ORDER BY component_id",
                COMPONENT, generation);
    }
}
