package io.incidenttimeline.api.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.support.Timestamps;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox in the read store ({@code mail_outbox}). A mail is inserted in whatever read-store transaction the caller
 * has open, so it is queued if and only if what decided it commits; the dispatcher is woken once it has. Sending
 * claims a due row for a while first, so that of several nodes only one sends it; a claim left by a crashed node
 * lapses and the row is sent again, under the same Message-ID.
 */
@Repository
class JdbcMailOutbox implements MailOutbox, MailHistory {

    static final int ERROR_MAX = 1000;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MailWakeUp wakeUp;
    private final MailTransport transport;
    private final boolean postgres;

    JdbcMailOutbox(@ReadStore JdbcTemplate jdbc, Clock clock, MailWakeUp wakeUp, MailTransport transport) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.transport = transport;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> isPostgres(c)));
    }

    private static boolean isPostgres(java.sql.Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    @Override
    public boolean enqueue(OutgoingMail mail) {
        check(mail);
        Instant now = clock.instant();
        Object[] values = {mail.mailKey(), mail.subscriptionId(), mail.to(), mail.subject(), mail.text(), mail.html(),
                json(mail.headers()), MailStatus.PENDING.wire(), Timestamps.column(now), Timestamps.column(now)};
        String insert = "INSERT INTO mail_outbox (mail_key, subscription_id, recipient, subject, body_text, body_html, "
                + "headers, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
        boolean added;
        if (postgres) {
            // a failed insert would abort the caller's transaction on PostgreSQL, so the conflict is not raised at all
            added = jdbc.update(insert + " ON CONFLICT (mail_key) DO NOTHING", values) == 1;
        } else {
            Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?", Integer.class,
                    mail.mailKey());
            if (existing != null && existing > 0) {
                return false;
            }
            try {
                added = jdbc.update(insert, values) == 1;
            } catch (DuplicateKeyException raced) {
                added = false;
            }
        }
        if (added) {
            wakeAfterCommit();
        }
        return added;
    }

    @Override
    public void erase(String subscriptionId) {
        jdbc.update("DELETE FROM mail_outbox WHERE subscription_id = ?", subscriptionId);
        transport.erase(subscriptionId);
    }

    /** Claims up to {@code max} mails that are due, until {@code claimUntil}; returns those it got. */
    List<QueuedMail> claimDue(Instant now, int max, Instant claimUntil) {
        List<QueuedMail> candidates = jdbc.query("SELECT * FROM mail_outbox WHERE status = ? AND next_attempt_at <= ? "
                        + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, mail_key LIMIT ?",
                (rs, row) -> new QueuedMail(new OutgoingMail(rs.getString("mail_key"), rs.getString("subscription_id"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getString("body_html"), headers(rs.getString("headers"))), rs.getInt("attempts"),
                        Timestamps.instant(rs, "created_at")),
                MailStatus.PENDING.wire(), Timestamps.column(now), Timestamps.column(now), max);
        List<QueuedMail> claimed = new ArrayList<>();
        for (QueuedMail candidate : candidates) {
            int updated = jdbc.update("UPDATE mail_outbox SET claimed_until = ? WHERE mail_key = ? AND status = ? "
                            + "AND attempts = ? AND (claimed_until IS NULL OR claimed_until < ?)",
                    Timestamps.column(claimUntil), candidate.mail().mailKey(), MailStatus.PENDING.wire(),
                    candidate.attempts(), Timestamps.column(now));
            if (updated == 1) {
                claimed.add(candidate);
            }
        }
        return claimed;
    }

    /** Records the {@code attempt}-th attempt: the mail's state after it, when it is next due, and why it failed. */
    void record(String mailKey, int attempt, MailStatus status, Instant nextAttemptAt, String error, Instant at) {
        String shortened = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        jdbc.update("UPDATE mail_outbox SET attempts = ?, status = ?, next_attempt_at = ?, claimed_until = NULL, "
                        + "sent_at = ?, last_error = ? WHERE mail_key = ? AND attempts = ?",
                attempt, status.wire(), Timestamps.column(nextAttemptAt),
                status == MailStatus.SENT ? Timestamps.column(at) : null, shortened, mailKey, attempt - 1);
    }

    @Override
    public List<Entry> of(String subscriptionId) {
        return jdbc.query("SELECT * FROM mail_outbox WHERE subscription_id = ? ORDER BY created_at, mail_key",
                (rs, row) -> new Entry(rs.getString("mail_key"), rs.getString("subject"), rs.getString("status"),
                        rs.getInt("attempts"), Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "sent_at"),
                        rs.getString("last_error")), subscriptionId);
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.wake();
                }
            });
        } else {
            wakeUp.wake();
        }
    }

    private static void check(OutgoingMail mail) {
        if (mail.mailKey() == null || mail.mailKey().isBlank() || mail.mailKey().length() > 300) {
            throw new IllegalArgumentException("a mail key is 1 to 300 characters");
        }
        if (mail.subscriptionId() == null || mail.to() == null || mail.subject() == null || mail.text() == null) {
            throw new IllegalArgumentException("a mail has a subscription, a recipient, a subject and a text");
        }
    }

    private static String json(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mail_outbox.headers is not a JSON object of strings", e);
        }
    }
}
