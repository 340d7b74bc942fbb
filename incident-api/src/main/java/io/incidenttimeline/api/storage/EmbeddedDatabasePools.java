package io.incidenttimeline.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The connection pools of embedded H2 databases: a connection is checked with a statement (H2's {@code isValid()}
 * answers true on a database that closed itself, a statement fails), so the {@code db} health component, which uses
 * the same statement, is DOWN while the database is closed; and a failure to write the file of an H2 file database
 * stops the application ({@link EmbeddedDatabaseFailure}). Settings configured explicitly are kept; pools of other
 * databases (PostgreSQL) are left as they are.
 */
final class EmbeddedDatabasePools implements BeanPostProcessor {

    static final String TEST_QUERY = "SELECT 1";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            configure(pool);
        }
        return bean;
    }

    static void configure(HikariDataSource pool) {
        if (pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:h2:") || pool.isRunning()) {
            return;
        }
        if (pool.getConnectionTestQuery() == null) {
            pool.setConnectionTestQuery(TEST_QUERY);
        }
        boolean file = EmbeddedStoreHealth.directoryOf(pool.getJdbcUrl()).isPresent();
        if (file && pool.getExceptionOverrideClassName() == null && pool.getExceptionOverride() == null) {
            String location = JdbcUrls.withoutCredentials(pool.getJdbcUrl());
            pool.setExceptionOverride(EmbeddedDatabaseFailure.haltingTheJvm(location));
        }
    }
}
