package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.projections.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries and their attempts. Rows are added by the webhook processor inside its batch transaction (with its
 * token), and sent by the dispatcher, which claims a due row for a while before sending it so that no two senders
 * take the same row; a claim left by a crashed sender lapses and the row is sent again, with the same delivery id.
 */
@Repository
public class DeliveryOutbox {

    static final int ERROR_MAX = 1000;

    /** A delivery as the processor writes it. */
    record NewDelivery(String deliveryId, String subscriberId, String eventId, String subject, String kind,
                       long eventPosition, String payload) {
    }

    /** A delivery the dispatcher has claimed, with what it needs to send it. */
    record DueDelivery(String deliveryId, String kind, String payload, int attempts, String url, String secret) {
    }

    /** One attempt, as the delivery log shows it. */
    public record AttemptEntry(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    /** One delivery, as the delivery log shows it. */
    public record LogEntry(String deliveryId, String kind, String subject, String eventId, long eventPosition,
                    DeliveryStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                    Integer lastStatusCode, String lastError, List<AttemptEntry> attemptLog) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    DeliveryOutbox(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Adds the delivery unless a row with its id exists already (a replayed event); returns whether it was added. */
    boolean addIfAbsent(NewDelivery delivery, Instant now) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE delivery_id = ?",
                Integer.class, delivery.deliveryId());
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("INSERT INTO webhook_delivery (delivery_id, subscriber_id, event_id, subject, kind, event_position, "
                        + "payload, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                delivery.deliveryId(), delivery.subscriberId(), delivery.eventId(), delivery.subject(), delivery.kind(),
                delivery.eventPosition(), delivery.payload(), DeliveryStatus.PENDING.wire(), Timestamps.column(now),
                Timestamps.column(now));
        return true;
    }

    /** Claims up to {@code max} deliveries that are due, until {@code claimUntil}; returns those it got. */
    List<DueDelivery> claimDue(Instant now, int max, Instant claimUntil) {
        List<DueDelivery> candidates = jdbc.query("SELECT d.delivery_id, d.kind, d.payload, d.attempts, s.url, s.secret "
                        + "FROM webhook_delivery d JOIN webhook_subscriber s ON s.subscriber_id = d.subscriber_id "
                        + "WHERE d.status = ? AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until < ?) "
                        + "ORDER BY d.next_attempt_at, d.delivery_id LIMIT ?",
                (rs, row) -> new DueDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6)),
                DeliveryStatus.PENDING.wire(), Timestamps.column(now), Timestamps.column(now), max);
        List<DueDelivery> claimed = new ArrayList<>();
        for (DueDelivery candidate : candidates) {
            int updated = jdbc.update("UPDATE webhook_delivery SET claimed_until = ? WHERE delivery_id = ? AND status = ? "
                            + "AND attempts = ? AND (claimed_until IS NULL OR claimed_until < ?)",
                    Timestamps.column(claimUntil), candidate.deliveryId(), DeliveryStatus.PENDING.wire(),
                    candidate.attempts(), Timestamps.column(now));
            if (updated == 1) {
                claimed.add(candidate);
            }
        }
        return claimed;
    }

    /** Records the {@code attempt}-th attempt and the delivery's state after it, and releases the claim. */
    @Transactional(transactionManager = "readStoreTransactionManager")
    void record(String deliveryId, int attempt, Attempt result, RetryPolicy.Decision decision, Instant at) {
        String error = result.error() == null ? null
                : result.error().length() > ERROR_MAX ? result.error().substring(0, ERROR_MAX) : result.error();
        int updated = jdbc.update("UPDATE webhook_delivery SET attempts = ?, status = ?, next_attempt_at = ?, "
                        + "claimed_until = NULL, delivered_at = ?, last_status_code = ?, last_error = ? "
                        + "WHERE delivery_id = ? AND attempts = ?",
                attempt, decision.status().wire(), Timestamps.column(decision.nextAttemptAt()),
                decision.status() == DeliveryStatus.DELIVERED ? Timestamps.column(at) : null, result.statusCode(),
                error, deliveryId, attempt - 1);
        if (updated == 1) {
            jdbc.update("INSERT INTO webhook_delivery_attempt (delivery_id, attempt, attempted_at, status_code, error, "
                    + "duration_ms) VALUES (?, ?, ?, ?, ?, ?)", deliveryId, attempt, Timestamps.column(at),
                    result.statusCode(), error, result.durationMs());
        }
    }

    /** The subscriber's newest deliveries first, each with its attempts. */
    public List<LogEntry> log(String subscriberId, int limit) {
        List<LogEntry> entries = jdbc.query("SELECT * FROM webhook_delivery WHERE subscriber_id = ? "
                + "ORDER BY event_position DESC, subject, delivery_id LIMIT ?", DeliveryOutbox::entry, subscriberId, limit);
        if (entries.isEmpty()) {
            return entries;
        }
        Map<String, List<AttemptEntry>> attempts = attempts(entries.stream().map(LogEntry::deliveryId).toList());
        return entries.stream().map(e -> new LogEntry(e.deliveryId(), e.kind(), e.subject(), e.eventId(),
                e.eventPosition(), e.status(), e.attempts(), e.createdAt(), e.nextAttemptAt(), e.deliveredAt(),
                e.lastStatusCode(), e.lastError(), attempts.getOrDefault(e.deliveryId(), List.of()))).toList();
    }

    private Map<String, List<AttemptEntry>> attempts(Collection<String> deliveryIds) {
        record Row(String deliveryId, AttemptEntry attempt) {
        }
        return named.query("SELECT * FROM webhook_delivery_attempt WHERE delivery_id IN (:ids) ORDER BY attempt",
                Map.of("ids", deliveryIds), (rs, row) -> new Row(rs.getString("delivery_id"), new AttemptEntry(
                        rs.getInt("attempt"), Timestamps.instant(rs, "attempted_at"),
                        rs.getObject("status_code", Integer.class), rs.getString("error"),
                        rs.getLong("duration_ms")))).stream()
                .collect(Collectors.groupingBy(Row::deliveryId, Collectors.mapping(Row::attempt, Collectors.toList())));
    }

    private static LogEntry entry(ResultSet rs, int row) throws SQLException {
        return new LogEntry(rs.getString("delivery_id"), rs.getString("kind"), rs.getString("subject"),
                rs.getString("event_id"), rs.getLong("event_position"), DeliveryStatus.ofWire(rs.getString("status")),
                rs.getInt("attempts"), Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "next_attempt_at"),
                Timestamps.instant(rs, "delivered_at"), rs.getObject("last_status_code", Integer.class),
                rs.getString("last_error"), List.of());
    }
}
