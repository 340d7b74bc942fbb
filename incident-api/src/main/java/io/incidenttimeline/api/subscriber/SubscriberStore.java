package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.projections.runtime.HeadPosition;
import io.incidenttimeline.projections.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The subscribers table: the only place their secrets are kept. Component ids never contain a comma. */
@Repository
public class SubscriberStore {

    private static final String COLUMNS = "subscriber_id, url, secret, secret_hint, components, created_at, created_by, "
            + "starts_after_position, audit_checkpoints, responder_reminders";

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    SubscriberStore(@ReadStore JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    public void add(Subscriber subscriber) {
        jdbc.update("INSERT INTO webhook_subscriber (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                subscriber.id(), subscriber.url(), subscriber.secret(), subscriber.secretHint(),
                subscriber.components() == null ? null : String.join(",", subscriber.components()),
                Timestamps.column(subscriber.createdAt()), subscriber.createdBy(), subscriber.startsAfterPosition(),
                subscriber.auditCheckpoints(), subscriber.responderReminders());
    }

    public Optional<Subscriber> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber WHERE subscriber_id = ?", SubscriberStore::row, id)
                .stream().findFirst();
    }

    public List<Subscriber> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber ORDER BY created_at, subscriber_id",
                SubscriberStore::row);
    }

    /** The subscribers that existed before the event at {@code position} was stored. */
    List<Subscriber> listeningAt(long position) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber WHERE starts_after_position < ? "
                + "ORDER BY subscriber_id", SubscriberStore::row, position);
    }

    /** The subscribers that asked for the audit checkpoints. */
    List<Subscriber> auditors() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber WHERE audit_checkpoints = TRUE "
                + "ORDER BY subscriber_id", SubscriberStore::row);
    }

    /** The subscribers that asked for the promise reminders and existed before the event at {@code position}. */
    List<Subscriber> responderReceiversAt(long position) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriber WHERE responder_reminders = TRUE "
                + "AND starts_after_position < ? ORDER BY subscriber_id", SubscriberStore::row, position);
    }

    /** Removes the subscriber with its deliveries and their attempts; pending deliveries are never sent. */
    @Transactional(transactionManager = "readStoreTransactionManager")
    public boolean remove(String id) {
        jdbc.update("DELETE FROM webhook_delivery_attempt WHERE delivery_id IN "
                + "(SELECT delivery_id FROM webhook_delivery WHERE subscriber_id = ?)", id);
        jdbc.update("DELETE FROM webhook_delivery WHERE subscriber_id = ?", id);
        return jdbc.update("DELETE FROM webhook_subscriber WHERE subscriber_id = ?", id) == 1;
    }

    /** The global index of the newest stored event, or -1 for an empty store. */
    public long headPosition() {
        return HeadPosition.of(eventStore).orElse(-1);
    }

    private static Subscriber row(ResultSet rs, int row) throws SQLException {
        String components = rs.getString("components");
        return new Subscriber(rs.getString("subscriber_id"), rs.getString("url"), rs.getString("secret"),
                rs.getString("secret_hint"), components == null ? null : List.of(components.split(",")),
                Timestamps.instant(rs, "created_at"), rs.getString("created_by"), rs.getLong("starts_after_position"),
                rs.getBoolean("audit_checkpoints"), rs.getBoolean("responder_reminders"));
    }
}
