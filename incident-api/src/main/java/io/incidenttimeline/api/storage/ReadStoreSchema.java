package io.incidenttimeline.api.storage;

import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Migrates the read store from {@code db/read-store/{vendor}}, with a schema history of its own
 * ({@value #HISTORY_TABLE}), always after the event store's migrations: on the shared default database the read-model
 * tables created by the event store's early migrations (V1, V3-V6) are then already there and are kept.
 */
final class ReadStoreSchema {

    static final String HISTORY_TABLE = "read_store_schema_history";

    private ReadStoreSchema() {
    }

    static void migrate(StorageLocations locations) {
        String vendor = DatabaseDriver.fromJdbcUrl(locations.readStoreUrl()).getId();
        Flyway.configure()
                .dataSource(locations.readStore())
                .locations("classpath:db/read-store/" + vendor)
                .table(HISTORY_TABLE)
                // a database holding other tables (the shared default) gets this history started beside them
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .load()
                .migrate();
    }
}
