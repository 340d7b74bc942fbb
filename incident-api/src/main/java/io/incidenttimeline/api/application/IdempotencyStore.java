package io.incidenttimeline.api.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys, per actor, with the outcome of the first request. A key is claimed inside the unit of work that
 * appends the command's events, so the key and the events commit or roll back together: a retry can never add events
 * a second time.
 */
@Repository
class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** What the first request with a key was answered: exactly one of the two is set. */
    record Outcome(CommandResult result, Refusal refusal) {
    }

    /** @param outcome null while the first request is still being carried out */
    record Claim(String fingerprint, Outcome outcome) {
    }

    /**
     * Claims the actor's key, with the request's fingerprint, in the current transaction. Throws {@link org.springframework.dao.DuplicateKeyException} when it
     * is taken; on PostgreSQL that waits until a concurrent claim commits or rolls back.
     */
    void claim(Actor actor) {
        jdbc.update("INSERT INTO idempotency_record (principal, idempotency_key, request_fingerprint, created_at) "
                        + "VALUES (?, ?, ?, ?)", actor.name(), actor.idempotencyKey(), actor.requestFingerprint(),
                Timestamp.from(clock.instant()));
    }

    void complete(Actor actor, Outcome outcome) {
        jdbc.update("UPDATE idempotency_record SET outcome = ? WHERE principal = ? AND idempotency_key = ?",
                write(outcome), actor.name(), actor.idempotencyKey());
    }

    Optional<Claim> find(Actor actor) {
        return jdbc.query("SELECT request_fingerprint, outcome, response_status, response_etag, response_body "
                        + "FROM idempotency_record WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new Claim(rs.getString(1).strip(), outcome(rs)), actor.name(), actor.idempotencyKey())
                .stream().findFirst();
    }

    private Outcome outcome(ResultSet row) throws SQLException {
        String outcome = row.getString(2);
        if (outcome != null) {
            try {
                return json.readValue(outcome, Outcome.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an idempotency record holds an unreadable outcome", e);
            }
        }
        if (row.getObject(3) != null) {
            return StoredResponses.outcome(json, row.getInt(3), row.getString(4), row.getString(5));
        }
        return null;
    }

    private String write(Outcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outcome of a command", e);
        }
    }
}
