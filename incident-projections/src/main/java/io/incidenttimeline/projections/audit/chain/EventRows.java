package io.incidenttimeline.projections.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads Axon's event table in global order, a page at a time (keyset pagination), so walking a million events needs
 * constant memory and no long-lived cursor. Plain SQL that H2 and PostgreSQL read alike.
 */
@Repository
public class EventRows {

    public static final int PAGE_SIZE = 1000;

    private static final String COLUMNS = "globalIndex, eventIdentifier, payloadType, payloadRevision, type, "
            + "aggregateIdentifier, sequenceNumber, timeStamp, metaData, payload";

    private final JdbcTemplate jdbc;

    public EventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events with {@code after < position <= through}, in position order. */
    public List<StoredEvent> page(long after, long through, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? "
                + "ORDER BY globalIndex LIMIT ?", EventRows::event, after, through, limit);
    }

    /** Every event with {@code after < position <= through}, read lazily page by page. */
    public Iterable<StoredEvent> range(long after, long through) {
        return () -> new PagedIterator<>(last -> page(last, through, PAGE_SIZE), StoredEvent::position, after);
    }

    private static StoredEvent event(ResultSet row, int rowNumber) throws SQLException {
        return new StoredEvent(row.getLong("globalIndex"), row.getString("eventIdentifier"), row.getString("payloadType"),
                row.getString("payloadRevision"), row.getString("type"), row.getString("aggregateIdentifier"),
                row.getLong("sequenceNumber"), row.getString("timeStamp"), row.getBytes("metaData"),
                row.getBytes("payload"));
    }
}
