package io.incidenttimeline.api.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code email_subscription} table in the read store: primary data, which no projection owns, so no replay,
 * new generation or read-store reset touches it.
 */
@Repository
class SubscriptionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    SubscriptionStore(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Subscription> find(String id) {
        return jdbc.query("SELECT * FROM email_subscription WHERE subscription_id = ?", SubscriptionStore::row, id)
                .stream().findFirst();
    }

    Optional<Subscription> findByEmail(String email) {
        return jdbc.query("SELECT * FROM email_subscription WHERE email = ?", SubscriptionStore::row, email)
                .stream().findFirst();
    }

    List<Subscription> all() {
        return jdbc.query("SELECT * FROM email_subscription ORDER BY created_at, subscription_id", SubscriptionStore::row);
    }

    List<Subscription> confirmed() {
        return jdbc.query("SELECT * FROM email_subscription WHERE status = ? ORDER BY created_at, subscription_id",
                SubscriptionStore::row, Subscription.Status.CONFIRMED.wire());
    }

    void addPending(Subscription subscription) {
        jdbc.update("INSERT INTO email_subscription (subscription_id, email, components, locale, zone, status, "
                        + "confirmation_nonce, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                subscription.id(), subscription.email(), json(subscription.components()), subscription.locale(),
                subscription.zone(), Subscription.Status.PENDING.wire(), subscription.confirmationNonce(),
                Timestamps.column(subscription.createdAt()));
    }

    /** A pending or suspended subscription asked for again: new choices, a new confirmation nonce, pending. */
    void renewPending(String id, List<String> components, String locale, String zone, String nonce) {
        jdbc.update("UPDATE email_subscription SET components = ?, locale = ?, zone = ?, status = ?, "
                        + "confirmation_nonce = ?, suspended_at = NULL, suspended_reason = NULL WHERE subscription_id = ?",
                json(components), locale, zone, Subscription.Status.PENDING.wire(), nonce, id);
    }

    /** Confirms the pending subscription whose nonce this is; false when it is not (any more). */
    boolean confirm(String id, String nonce, Instant at) {
        return jdbc.update("UPDATE email_subscription SET status = ?, confirmation_nonce = NULL, confirmed_at = ? "
                        + "WHERE subscription_id = ? AND status = ? AND confirmation_nonce = ?",
                Subscription.Status.CONFIRMED.wire(), Timestamps.column(at), id, Subscription.Status.PENDING.wire(),
                nonce) == 1;
    }

    boolean changeChoices(String id, List<String> components, String locale) {
        return jdbc.update("UPDATE email_subscription SET components = ?, locale = ? WHERE subscription_id = ?",
                json(components), locale, id) == 1;
    }

    boolean suspend(String id, String reason, Instant at) {
        String shortened = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return jdbc.update("UPDATE email_subscription SET status = ?, suspended_at = ?, suspended_reason = ? "
                        + "WHERE subscription_id = ? AND status <> ?", Subscription.Status.SUSPENDED.wire(),
                Timestamps.column(at), shortened, id, Subscription.Status.SUSPENDED.wire()) == 1;
    }

    boolean delete(String id) {
        return jdbc.update("DELETE FROM email_subscription WHERE subscription_id = ?", id) == 1;
    }

    private static Subscription row(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getString("subscription_id"), rs.getString("email"),
                strings(rs.getString("components")), rs.getString("locale"), rs.getString("zone"),
                Subscription.Status.ofWire(rs.getString("status")), rs.getString("confirmation_nonce"),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "confirmed_at"),
                Timestamps.instant(rs, "suspended_at"), rs.getString("suspended_reason"));
    }

    private static String json(List<String> components) {
        if (components == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(components);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return null;
        }
        try {
            return List.copyOf(JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("email_subscription.components is not a JSON array of strings", e);
        }
    }
}
