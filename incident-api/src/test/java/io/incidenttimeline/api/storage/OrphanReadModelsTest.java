package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.IncidentTimelineApplication;
import io.incidenttimeline.api.support.FreshDatabases;
import io.incidenttimeline.api.support.FreshDatabases.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The event store holds no read-model tables: a new one never gets them, and an upgraded one loses those its early
 * migrations created once nothing uses them, but keeps them where they are the read store's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrphanReadModelsTest {

    private static final List<String> ORPHANS = OrphanReadModels.TABLES.stream()
            .map(table -> table.toLowerCase(Locale.ROOT)).toList();

    private Path dataDir;
    private FreshDatabases databases;

    @BeforeAll
    void createDirectory() throws Exception {
        dataDir = Files.createTempDirectory("incident-timeline-orphans-");
        databases = new FreshDatabases(dataDir);
    }

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @Test
    void aNewEventStoreOfItsOwnNeverHasReadModelTables() throws Exception {
        Database events = databases.create("new-events");
        Database reads = databases.create("new-reads");
        start(events, reads).close();

        assertThat(tables(events)).contains("domainevententry", "snapshotevententry", "idempotency_record",
                "audit_chain_entry", "event_store_identity").doesNotContainAnyElementsOf(ORPHANS);
        assertThat(tables(reads)).containsAll(ORPHANS);
    }

    @Test
    void anUpgradedEventStoreLosesTheReadModelTablesOnceTheReadStoreIsElsewhere() throws Exception {
        Database events = databases.create("old-events");
        migrateAsBefore(events);
        assertThat(tables(events)).as("what V1 and V3-V6 created").containsAll(ORPHANS);

        start(events, databases.create("old-events-reads")).close();

        assertThat(tables(events)).doesNotContainAnyElementsOf(ORPHANS).contains("domainevententry");
    }

    @Test
    void anUpgradedEventStoreThatIsTheReadStoreKeepsThemThenAndAfterAReadStoreIsConfiguredElsewhere()
            throws Exception {
        Database events = databases.create("shared-events");
        migrateAsBefore(events);

        start(events, null).close();
        assertThat(tables(events)).as("in use by the read store").containsAll(ORPHANS)
                .contains(ReadStoreSchema.HISTORY_TABLE);

        start(events, databases.create("shared-events-reads")).close();
        assertThat(tables(events)).as("the former read store's, kept to go back to").containsAll(ORPHANS);
    }

    /** Migrates as the event store's migrations up to V19 did. */
    private void migrateAsBefore(Database database) throws Exception {
        EarlierEventStores.migrateUpTo(database, 19, dataDir);
    }

    private ConfigurableApplicationContext start(Database events, Database reads) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=it", "--server.port=0",
                "--incident.data-dir=" + dataDir));
        events.as("spring.datasource").forEach((key, value) -> args.add("--" + key + "=" + value));
        if (reads != null) {
            reads.as("incident.read-store.datasource").forEach((key, value) -> args.add("--" + key + "=" + value));
        }
        return new SpringApplicationBuilder(IncidentTimelineApplication.class).run(args.toArray(String[]::new));
    }

    private static Set<String> tables(Database database) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = database.connect();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                     null, new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
