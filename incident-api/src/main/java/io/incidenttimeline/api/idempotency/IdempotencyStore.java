package io.incidenttimeline.api.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys, per caller. A key is claimed inside the transaction that appends the command's events, so the
 * key and the events commit or roll back together: a retry can never add events a second time.
 */
@Repository
public class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Record(String fingerprint, StoredResponse response) {
    }

    /**
     * Claims the key in the current transaction. Throws {@link org.springframework.dao.DuplicateKeyException} when it
     * is taken; on PostgreSQL that waits until a concurrent claim commits or rolls back.
     */
    public void claim(String principal, String key, String fingerprint) {
        jdbc.update("INSERT INTO idempotency_record (principal, idempotency_key, request_fingerprint, created_at) "
                + "VALUES (?, ?, ?, ?)", principal, key, fingerprint, Timestamp.from(clock.instant()));
    }

    public void complete(String principal, String key, StoredResponse response) {
        jdbc.update("UPDATE idempotency_record SET response_status = ?, response_content_type = ?, "
                        + "response_location = ?, response_etag = ?, response_body = ? "
                        + "WHERE principal = ? AND idempotency_key = ?",
                response.status(), response.contentType(), response.location(), response.etag(), response.body(),
                principal, key);
    }

    public Optional<Record> find(String principal, String key) {
        return jdbc.query("SELECT request_fingerprint, response_status, response_content_type, response_location, "
                        + "response_etag, response_body FROM idempotency_record WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new Record(rs.getString(1), rs.getObject(2) == null ? null : new StoredResponse(
                        rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))),
                principal, key).stream().findFirst();
    }
}
