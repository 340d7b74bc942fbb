package io.incidenttimeline.api.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * V21 of the event store: drops the read-model tables and the token table that its V1 and V3-V6 created before the
 * read store had migrations of its own, where nothing uses them. They are in use when the read store is this database
 * (the embedded default), and they belong to a read store when its schema history ({@value
 * ReadStoreSchema#HISTORY_TABLE}) is here, because this database was the read store before one was configured
 * elsewhere: going back to it must find them. Plain SQL cannot ask either question, hence a Java migration.
 */
final class OrphanReadModels implements JavaMigration {

    /** What V1 and V3-V6 created for the read side; db/read-store creates each of them too. */
    static final List<String> TABLES = List.of("TokenEntry", "projection_generation", "public_incident",
            "public_component", "audit_event", "incident_metrics");

    private static final Logger log = LoggerFactory.getLogger(OrphanReadModels.class);

    private final StorageLocations locations;

    OrphanReadModels(StorageLocations locations) {
        this.locations = locations;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("21");
    }

    @Override
    public String getDescription() {
        return "drop orphan read models";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (locations.shared()) {
            log.info("the read store is the event store's database: its read-model tables are kept");
            return;
        }
        Connection connection = context.getConnection();
        Set<String> tables = tables(connection);
        if (tables.contains(ReadStoreSchema.HISTORY_TABLE)) {
            log.info("the event store's database holds a read store of its own ({}): its tables are kept",
                    ReadStoreSchema.HISTORY_TABLE);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                if (tables.contains(table.toLowerCase(Locale.ROOT))) {
                    statement.execute("DROP TABLE " + table);
                    log.info("dropped {} from the event store's database: the read store is {}", table,
                            locations.readStoreLocation());
                }
            }
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), null,
                new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
