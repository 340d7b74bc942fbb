package io.incidenttimeline.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.FreshDatabases;
import io.incidenttimeline.api.support.FreshDatabases.Database;
import io.incidenttimeline.projections.runtime.EventStoreGaps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The event store's gap settings (EventStoreGaps) against the way Axon 4 gives up a gap: a transaction holds the lower
 * global index while a later event commits, and a reader sees that later event when its timestamp is already old
 * (Axon issue 4829). The time is simulated by the neighbour's timestamp, so the test takes no minutes. Runs on H2 and,
 * under the Maven profile postgres, on PostgreSQL, with the application's own migrations.
 */
class EventStoreGapsTest {

    @TempDir
    Path directory;

    private FreshDatabases databases;

    @BeforeEach
    void databases() {
        databases = new FreshDatabases(directory);
    }

    @AfterEach
    void drop() {
        databases.close();
    }

    @Test
    void anEventCommittedAfterANeighbourStampedNineMinutesEarlierIsStillRead() throws Exception {
        assertThat(heldEventReached(() -> EventStoreGaps.applyTo(JdbcEventStorageEngine.builder()),
                EventStoreGaps.TIMEOUT.minusMinutes(1))).isTrue();
    }

    @Test
    void theSettingsGiveAGapUpOnlyAfterTheirTimeout() throws Exception {
        assertThat(heldEventReached(() -> EventStoreGaps.applyTo(JdbcEventStorageEngine.builder()),
                EventStoreGaps.TIMEOUT.plusMinutes(1))).isFalse();
    }

    /** Why the settings exist; should an Axon upgrade make this fail, the default has become safe. */
    @Test
    void axonsDefaultsSkipAnEventWhoseNeighbourIsTwoMinutesOld() throws Exception {
        assertThat(heldEventReached(JdbcEventStorageEngine::builder, Duration.ofMinutes(2))).isFalse();
    }

    /**
     * Reserves a global index in a held transaction (a plain insert, as Axon's engine does), commits a neighbour after
     * it whose timestamp lies {@code neighbourAge} in the past, reads everything there is, commits the held event and
     * reads on from the token: true when the held event is read then.
     */
    private boolean heldEventReached(Supplier<JdbcEventStorageEngine.Builder> settings, Duration neighbourAge)
            throws Exception {
        Database database = databases.create("gaps-" + UUID.randomUUID().toString().substring(0, 8));
        String vendor = FreshDatabases.postgres() ? "postgresql" : "h2";
        Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations("classpath:db/migration/" + vendor).load().migrate();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = settings.get()
                .connectionProvider(new DriverManagerDataSource(database.url(), database.username(),
                        database.password())::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();

        try (Connection held = database.connect()) {
            held.setAutoCommit(false);
            String heldId = UUID.randomUUID().toString();
            long heldIndex = reserve(held, heldId);

            engine.appendEvents(new GenericDomainEventMessage<>("Incident", "neighbour", 0, "committed first",
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now().minus(neighbourAge)));
            List<? extends TrackedEventMessage<?>> seen = engine.readEvents(null, false).toList();
            assertThat(seen).hasSize(1);
            TrackingToken token = seen.get(0).trackingToken();
            assertThat(((GapAwareTrackingToken) token).getIndex()).isGreaterThan(heldIndex);

            held.commit();
            return engine.readEvents(token, false).anyMatch(event -> event.getIdentifier().equals(heldId));
        }
    }

    private static long reserve(Connection held, String eventId) throws Exception {
        try (PreparedStatement insert = held.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData) "
                + "VALUES (?, 'held', 0, 'Incident', ?, 'java.lang.String', NULL, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, Instant.now().toString());
            insert.setBytes(3, "\"committed late\"".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        try (PreparedStatement query = held.prepareStatement(
                "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?")) {
            query.setString(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
