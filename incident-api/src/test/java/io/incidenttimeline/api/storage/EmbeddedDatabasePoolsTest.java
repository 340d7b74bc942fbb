package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** Which connection pools get the embedded database's checks: H2's, and only the file databases stop on a failure. */
class EmbeddedDatabasePoolsTest {

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        EmbeddedDatabasePools.configure(pool);
        return pool;
    }

    @Test
    void anH2FileDatabaseIsCheckedWithAStatementAndStopsTheApplicationWhenItCannotWriteItsFile() {
        try (HikariDataSource pool = pool("jdbc:h2:file:/srv/data/incident-timeline;WRITE_DELAY=0")) {
            assertThat(pool.getConnectionTestQuery()).isEqualTo("SELECT 1");
            assertThat(pool.getExceptionOverride()).isInstanceOf(EmbeddedDatabaseFailure.class);
        }
    }

    @Test
    void anInMemoryH2DatabaseIsCheckedWithAStatementOnly() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:pools")) {
            assertThat(pool.getConnectionTestQuery()).isEqualTo("SELECT 1");
            assertThat(pool.getExceptionOverride()).isNull();
        }
    }

    @Test
    void postgresqlPoolsAndExplicitSettingsAreLeftAsTheyAre() {
        try (HikariDataSource postgres = pool("jdbc:postgresql://localhost:5432/incident_timeline")) {
            assertThat(postgres.getConnectionTestQuery()).isNull();
            assertThat(postgres.getExceptionOverride()).isNull();
        }
        HikariDataSource configured = new HikariDataSource();
        configured.setJdbcUrl("jdbc:h2:file:/srv/data/db");
        configured.setConnectionTestQuery("VALUES 1");
        EmbeddedDatabasePools.configure(configured);
        assertThat(configured.getConnectionTestQuery()).isEqualTo("VALUES 1");
        configured.close();
    }
}
