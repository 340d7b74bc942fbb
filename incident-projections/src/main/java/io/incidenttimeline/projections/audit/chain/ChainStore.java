package io.incidenttimeline.projections.audit.chain;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The stored chain (table audit_chain_entry): one hash per event, so verification can say which event disagrees. */
@Repository
public class ChainStore {

    private static final RowMapper<ChainEntry> ENTRY = (row, n) ->
            new ChainEntry(row.getLong("position"), row.getString("event_id"), row.getString("hash"));

    private final JdbcTemplate jdbc;

    public ChainStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest link, or {@link ChainEntry#GENESIS} while nothing is chained. */
    public ChainEntry head() {
        return lastBefore(Long.MAX_VALUE);
    }

    /** The newest link before a position, or {@link ChainEntry#GENESIS}. */
    public ChainEntry lastBefore(long position) {
        List<ChainEntry> found = jdbc.query("SELECT position, event_id, hash FROM audit_chain_entry WHERE position < ? "
                + "ORDER BY position DESC LIMIT 1", ENTRY, position);
        return found.isEmpty() ? ChainEntry.GENESIS : found.get(0);
    }

    /** The link recorded at exactly this position. */
    public Optional<ChainEntry> at(long position) {
        return jdbc.query("SELECT position, event_id, hash FROM audit_chain_entry WHERE position = ?", ENTRY, position)
                .stream().findFirst();
    }

    public List<ChainEntry> page(long after, int limit) {
        return jdbc.query("SELECT position, event_id, hash FROM audit_chain_entry WHERE position > ? "
                + "ORDER BY position LIMIT ?", ENTRY, after, limit);
    }

    public Iterable<ChainEntry> all() {
        return () -> new PagedIterator<>(last -> page(last, EventRows.PAGE_SIZE), ChainEntry::position, 0);
    }

    public Optional<Long> positionOf(String eventId) {
        return jdbc.queryForList("SELECT position FROM audit_chain_entry WHERE event_id = ?", Long.class, eventId)
                .stream().findFirst();
    }

    public void append(List<ChainEntry> entries) {
        jdbc.batchUpdate("INSERT INTO audit_chain_entry (position, event_id, hash) VALUES (?, ?, ?)", entries,
                entries.size(), (statement, entry) -> {
                    statement.setLong(1, entry.position());
                    statement.setString(2, entry.eventId());
                    statement.setString(3, entry.hash());
                });
    }
}
