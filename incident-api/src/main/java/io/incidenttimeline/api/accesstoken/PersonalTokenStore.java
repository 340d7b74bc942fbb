package io.incidenttimeline.api.accesstoken;

import io.incidenttimeline.core.accesstoken.TokenRole;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hashes of the personal tokens issued at run time, in the event store's database (table {@code access_token}),
 * and when each token was last used. Rows are written only by {@link TokenRowInterceptor}, in the unit of work that
 * stores the token's event.
 */
@Repository
public class PersonalTokenStore {

    /**
     * How stale {@code last used} may be. Writing it on every request would turn every read into a write (and, on
     * PostgreSQL, a dead row per request); once a minute is precise enough to tell a token in use from a forgotten one.
     */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PersonalTokenStore.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** When this node last wrote a configured token's use: configured tokens are never read from the table. */
    private final Map<String, Instant> configuredUseWritten = new ConcurrentHashMap<>();

    PersonalTokenStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The holder of an active issued token. */
    public record Holder(String name, TokenRole role) {
    }

    record Row(String name, TokenRole role, String tokenHash, Instant createdAt, String createdBy) {
    }

    /**
     * Who holds the active issued token with this hash: a point query on its unique index, on every request and with
     * no cache, so that a token revoked on any node is refused by every node on its next request. Records the use at
     * most once per {@link #LAST_USED_PRECISION}; the condition in the update keeps two nodes from both writing it.
     */
    public Optional<Holder> holderOf(String tokenHashHex) {
        record Found(String name, TokenRole role, Timestamp lastUsed) {
        }
        Optional<Found> found = jdbc.query("SELECT name, role, last_used_at FROM access_token WHERE token_hash = ?",
                (rs, row) -> new Found(rs.getString(1), TokenRole.of(rs.getString(2)), rs.getTimestamp(3)),
                tokenHashHex).stream().findFirst();
        found.ifPresent(token -> {
            Instant now = clock.instant();
            Instant due = now.minus(LAST_USED_PRECISION);
            if (token.lastUsed() == null || token.lastUsed().toInstant().isBefore(due)) {
                jdbc.update("UPDATE access_token SET last_used_at = ? WHERE token_hash = ? "
                        + "AND (last_used_at IS NULL OR last_used_at < ?)", Timestamp.from(now), tokenHashHex,
                        Timestamp.from(due));
            }
        });
        return found.map(token -> new Holder(token.name(), token.role()));
    }

    /**
     * Records that a configured token was used, at most once per {@link #LAST_USED_PRECISION} on each node. A failure
     * to record it must not refuse the request: configured tokens work as long as the configuration does.
     */
    public void configuredTokenUsed(String name) {
        Instant now = clock.instant();
        Instant written = configuredUseWritten.get(name);
        if (written != null && written.isAfter(now.minus(LAST_USED_PRECISION))) {
            return;
        }
        configuredUseWritten.put(name, now);
        try {
            if (jdbc.update("UPDATE configured_token_use SET last_used_at = ? WHERE name = ? AND last_used_at < ?",
                    Timestamp.from(now), name, Timestamp.from(now)) == 0) {
                jdbc.update("INSERT INTO configured_token_use (name, last_used_at) VALUES (?, ?)", name,
                        Timestamp.from(now));
            }
        } catch (DuplicateKeyException anotherNodeWroteItFirst) {
            // the row exists already: another node recorded the same minute
        } catch (DataAccessException e) {
            log.warn("Could not record the use of configured token {}: {}", name, e.getMessage());
        }
    }

    Map<String, Instant> configuredTokenUses() {
        return jdbc.query("SELECT name, last_used_at FROM configured_token_use", (rs, row) ->
                Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<PersonalToken> issued() {
        return jdbc.query("SELECT name, role, created_at, created_by, last_used_at FROM access_token ORDER BY name",
                (rs, row) -> new PersonalToken(rs.getString(1), TokenRole.of(rs.getString(2)),
                        PersonalToken.Source.ISSUED, rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()));
    }

    boolean isIssued(String name) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM access_token WHERE name = ?", Integer.class, name);
        return count != null && count > 0;
    }

    /** In the current transaction, which is the unit of work storing the token's AccessTokenIssued event. */
    void insert(Row row) {
        jdbc.update("INSERT INTO access_token (name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                row.name(), row.role().wire(), row.tokenHash(), Timestamp.from(row.createdAt()), row.createdBy());
    }

    /** In the current transaction, which is the unit of work storing the token's AccessTokenRevoked event. */
    void delete(String name) {
        jdbc.update("DELETE FROM access_token WHERE name = ?", name);
    }
}
