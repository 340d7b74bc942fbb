package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.incidenttimeline.api.IncidentTimelineApplication;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.FreshDatabases;
import io.incidenttimeline.api.support.FreshDatabases.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The storage locations and the identity guard, through the application's own start-up: one event store's life from
 * the embedded default (read models beside the events) to a read store of its own, and the starts that must be
 * refused. Each step starts the application itself (start-up failure cannot be tested in a shared context), on H2
 * files, or on PostgreSQL databases of its own under the Maven profile postgres.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageLocationsTest {

    private static final String RESPONDER = "responder-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path dataDir;
    private FreshDatabases databases;
    private Database eventStore;
    private Database readStore;
    private Database otherEventStore;

    @BeforeAll
    void createDatabases() throws Exception {
        dataDir = Files.createTempDirectory("incident-timeline-storage-");
        databases = new FreshDatabases(dataDir);
        eventStore = databases.create("events");
        readStore = databases.create("read-models");
        otherEventStore = databases.create("other-events");
    }

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @Test
    @Order(1)
    void anEventStoreFromBeforeIdentitiesIsUpgradedAndKeepsTheReadModelsBesideIt() throws Exception {
        EarlierEventStores.migrateUpTo(eventStore, 10, dataDir);
        try (var app = start(eventStore, null)) {
            declare(app, "storage-first");
            awaitPublic(app, "storage-first");
        }
        forgetIdentities(eventStore);
        long auditRows = count(eventStore, "SELECT COUNT(*) FROM audit_event");

        try (var app = start(eventStore, null)) {
            assertThat(publicIncident(app, "storage-first").statusCode()).isEqualTo(200);
            assertThat(identity(eventStore)).isNotNull();
            assertThat(builtFrom(eventStore)).as("the read models beside the events adopt them").isEqualTo(identity(eventStore));
            assertThat(count(eventStore, "SELECT COUNT(*) FROM audit_event")).as("kept, not rebuilt").isEqualTo(auditRows);
            assertThat(count(eventStore, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '14' AND \"success\""))
                    .isEqualTo(1);
            assertThat(count(eventStore, "SELECT COUNT(*) FROM \"read_store_schema_history\" WHERE \"version\" = '14' AND \"success\""))
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void aNewReadStoreOfItsOwnAdoptsTheEventStoreIsBuiltFromTheStartAndServesNewCommands() throws Exception {
        try (var app = start(eventStore, readStore)) {
            awaitPublic(app, "storage-first");
            declare(app, "storage-second");
            awaitPublic(app, "storage-second");

            assertThat(builtFrom(readStore)).isEqualTo(identity(eventStore));
            assertThat(count(readStore, "SELECT COUNT(*) FROM public_incident WHERE incident_id LIKE 'storage-%'"))
                    .as("both incidents in the read store").isEqualTo(2);
            assertThat(count(eventStore, "SELECT COUNT(*) FROM public_incident WHERE incident_id = 'storage-second'"))
                    .as("nothing written to the read-model tables left in the event store's database").isZero();
            assertThat(count(readStore, "SELECT COUNT(DISTINCT processorName) FROM TokenEntry WHERE token IS NOT NULL"))
                    .as("every processor's token").isEqualTo(app.getBean(EventProcessingConfiguration.class).eventProcessors().size());
            assertThat(count(readStore, "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) = 'domainevententry'")).as("no events in the read store").isZero();

            HikariDataSource reads = (HikariDataSource) app.getBean("readStoreDataSource", DataSource.class);
            HikariDataSource events = (HikariDataSource) app.getBean(DataSource.class);
            assertThat(reads.getMaximumPoolSize()).isEqualTo(3);
            assertThat(reads.getPoolName()).isEqualTo("read-store");
            assertThat(events.getMaximumPoolSize()).isEqualTo(7);
            assertThat(reads.getJdbcUrl()).isEqualTo(readStore.url());

            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            for (String processor : List.of("public-view", "audit-trail", "responder-view")) {
                Transaction transaction = processing.transactionManager(processor).startTransaction();
                try {
                    assertThat(TransactionSynchronizationManager.hasResource(reads))
                            .as("%s transacts on the read store, with its tokens", processor).isTrue();
                    assertThat(TransactionSynchronizationManager.hasResource(events)).isFalse();
                } finally {
                    transaction.rollback();
                }
            }
        }
    }

    @Test
    @Order(3)
    void theSameStoresStartAgain() throws Exception {
        try (var app = start(eventStore, readStore)) {
            assertThat(publicIncident(app, "storage-second").statusCode()).isEqualTo(200);
            assertThat(builtFrom(readStore)).isEqualTo(identity(eventStore));
        }
    }

    @Test
    @Order(4)
    void anEmptyEventStoreBehindReadModelsIsRefusedNamingBothLocations() throws Exception {
        assertThatThrownBy(() -> start(otherEventStore, readStore).close())
                .hasRootCauseInstanceOf(StorageMismatchException.class).rootCause()
                .hasMessageContaining("The event store is empty, but the read models were built from events")
                .hasMessageContaining(location(otherEventStore)).hasMessageContaining(location(readStore))
                .hasMessageContaining(identity(otherEventStore)).hasMessageContaining(identity(eventStore))
                .hasMessageContaining("incident.read-store.rebuild-from=" + identity(otherEventStore));
        assertThat(builtFrom(readStore)).as("nothing changed").isEqualTo(identity(eventStore));
    }

    @Test
    @Order(5)
    void readModelsOfAnotherEventStoreAreRefusedNamingBothLocationsAndIdentities() throws Exception {
        copyEvents("storage-first", eventStore, otherEventStore);

        assertThatThrownBy(() -> start(otherEventStore, readStore).close())
                .hasRootCauseInstanceOf(StorageMismatchException.class).rootCause()
                .hasMessageContaining("The read models were built from another event store")
                .hasMessageContaining(location(otherEventStore)).hasMessageContaining(location(readStore))
                .hasMessageContaining(identity(otherEventStore)).hasMessageContaining(identity(eventStore))
                .hasMessageContaining("Check spring.datasource.url and incident.read-store.datasource.url");
    }

    @Test
    @Order(6)
    void aDeliberateRebuildFromTheNamedEventStoreReplacesTheReadModels() throws Exception {
        String other = identity(otherEventStore);
        try (var app = start(otherEventStore, readStore, "--incident.read-store.rebuild-from=" + other)) {
            awaitPublic(app, "storage-first");
            assertThat(publicIncident(app, "storage-second").statusCode()).as("only in the first event store")
                    .isEqualTo(404);
            assertThat(builtFrom(readStore)).isEqualTo(other);
        }
    }

    private ConfigurableApplicationContext start(Database events, Database reads, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=it", "--server.port=0",
                "--incident.data-dir=" + dataDir, "--spring.datasource.hikari.maximum-pool-size=7"));
        events.as("spring.datasource").forEach((key, value) -> args.add("--" + key + "=" + value));
        if (reads != null) {
            reads.as("incident.read-store.datasource").forEach((key, value) -> args.add("--" + key + "=" + value));
            args.add("--incident.read-store.datasource.hikari.maximum-pool-size=3");
        }
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(IncidentTimelineApplication.class).run(args.toArray(String[]::new));
    }

    private static void declare(ConfigurableApplicationContext app, String incidentId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(app, "/api/v1/incidents"))
                .header("Authorization", "Bearer " + RESPONDER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Bodies.declaration(incidentId)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static HttpResponse<String> publicIncident(ConfigurableApplicationContext app, String incidentId)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(app, "/api/public/v1/incidents/" + incidentId)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitPublic(ConfigurableApplicationContext app, String incidentId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = publicIncident(app, incidentId);
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = publicIncident(app, incidentId);
        }
        assertThat(response.statusCode()).as("%s in the public view: %s", incidentId, response.body()).isEqualTo(200);
        assertThat(response.body()).contains(incidentId);
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path);
    }

    private static String json(Map<String, Object> body) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    }

    /** Leaves the database as the application left it before V14: no identities, no read-store schema history. */
    private static void forgetIdentities(Database database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE event_store_identity");
            statement.execute("DROP TABLE read_store_identity");
            // Flyway creates its history tables with quoted, lower-case names
            statement.execute("DROP TABLE \"read_store_schema_history\"");
            // V14 and what came after it in the event store (V16 on PostgreSQL and V23: indexes; V20: the outcome column;
            // V22: the deadlines; V24: the feeds' identity; V25: the personal tokens)
            statement.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('14', '16', '20', '21', '22', '23', '24', '25')");
            statement.execute("DROP TABLE IF EXISTS feed_identity");
            statement.execute("DROP TABLE IF EXISTS access_token");
            statement.execute("DROP TABLE IF EXISTS configured_token_use");
            statement.execute("DROP INDEX IF EXISTS ix_domain_event_stream_start");
            statement.execute("DROP INDEX IF EXISTS ix_domain_event_stream_start_type");
            statement.execute("DROP TABLE IF EXISTS scheduled_tasks");
            statement.execute("ALTER TABLE idempotency_record DROP COLUMN outcome");
            // what the read-store migrations after V14 added, which a store from before V14 never had
            for (String table : List.of("public_maintenance", "webhook_delivery_attempt", "webhook_delivery",
                    "webhook_subscriber", "webhook_public_incident", "webhook_public_component",
                    "webhook_public_maintenance", "processing_node", "projection_progress", "component_status_interval", "component_history_incident", "responder_incident",
                    "responder_component", "responder_template", "email_subscription", "mail_outbox",
                    "mail_public_incident", "mail_public_component", "mail_public_maintenance", "mail_recipient_start")) {
                statement.execute("DROP TABLE " + table);
            }
            statement.execute("DELETE FROM projection_generation WHERE projection IN ('maintenance-view', 'component-history', "
                    + "'responder-view', 'template-view')");
            // V26: the metrics read model's columns for the Prometheus export
            for (String column : List.of("impact", "component_ids", "time_to_detect_ms", "time_to_acknowledge_ms",
                    "time_to_mitigate_ms", "time_to_first_public_update_ms", "time_to_resolve_ms")) {
                statement.execute("ALTER TABLE incident_metrics DROP COLUMN " + column);
            }
        }
    }

    /** Copies one aggregate's events into another event store, as new rows there. */
    private static void copyEvents(String aggregateId, Database from, Database to) throws SQLException {
        String columns = "aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, "
                + "payloadRevision, payloadType, timeStamp";
        try (Connection source = from.connect(); Connection target = to.connect();
             PreparedStatement read = source.prepareStatement("SELECT " + columns
                     + " FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber");
             PreparedStatement write = target.prepareStatement("INSERT INTO DomainEventEntry (" + columns
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            read.setString(1, aggregateId);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    write.setString(1, rows.getString(1));
                    write.setLong(2, rows.getLong(2));
                    write.setString(3, rows.getString(3));
                    write.setString(4, rows.getString(4));
                    write.setBytes(5, rows.getBytes(5));
                    write.setBytes(6, rows.getBytes(6));
                    write.setString(7, rows.getString(7));
                    write.setString(8, rows.getString(8));
                    write.setString(9, rows.getString(9));
                    write.executeUpdate();
                }
            }
        }
    }

    private static long count(Database database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String identity(Database database) throws SQLException {
        return single(database, "SELECT id FROM event_store_identity");
    }

    private static String builtFrom(Database database) throws SQLException {
        return single(database, "SELECT event_store_id FROM read_store_identity");
    }

    private static String single(Database database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static String location(Database database) {
        return JdbcUrls.withoutCredentials(database.url());
    }
}
