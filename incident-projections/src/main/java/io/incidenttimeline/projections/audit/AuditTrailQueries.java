package io.incidenttimeline.projections.audit;

import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.Timestamps;
import java.util.ArrayList;
import java.util.List;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Pages through the audit trail in store order, with a cursor: the global position of the last entry seen. */
@Service
public class AuditTrailQueries {

    public static final int MAX_PAGE = 500;

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;

    public AuditTrailQueries(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    public AuditPage page(AuditFilter filter, long after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE generation = ? AND global_position > ?");
        List<Object> args = new ArrayList<>(List.of(generations.readGeneration(AuditTrailProjection.NAME), after));
        condition(sql, args, "incident_id = ?", filter.incidentId());
        condition(sql, args, "actor = ?", filter.actor());
        condition(sql, args, "event_type = ?", filter.type());
        condition(sql, args, "recorded_at >= ?", Timestamps.column(filter.from()));
        condition(sql, args, "recorded_at < ?", Timestamps.column(filter.to()));
        sql.append(" ORDER BY global_position LIMIT ?");
        args.add(limit + 1);
        List<AuditEntry> rows = jdbc.query(sql.toString(), (rs, row) -> AuditRow.read(rs).entry(), args.toArray());
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(List.copyOf(page), page.get(limit - 1).position());
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }
}
