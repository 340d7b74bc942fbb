package io.incidenttimeline.api.storage;

import io.incidenttimeline.api.support.FreshDatabases;
import io.incidenttimeline.api.support.FreshDatabases.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Event stores as earlier versions of the application left them: migrated by the versioned migrations up to a
 * version, as before the baseline migration for new stores (B16) existed.
 */
final class EarlierEventStores {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private EarlierEventStores() {
    }

    static void migrateUpTo(Database database, int version, Path workDirectory) throws Exception {
        String vendor = FreshDatabases.postgres() ? "postgresql" : "h2";
        Path copy = Files.createTempDirectory(workDirectory, "migrations-");
        Path current = Path.of(EarlierEventStores.class.getResource("/db/migration/" + vendor).toURI());
        try (Stream<Path> files = Files.list(current)) {
            for (Path file : files.toList()) {
                Matcher versioned = VERSIONED.matcher(file.getFileName().toString());
                if (versioned.matches() && Integer.parseInt(versioned.group(1)) <= version) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations("filesystem:" + copy).load().migrate();
    }
}
