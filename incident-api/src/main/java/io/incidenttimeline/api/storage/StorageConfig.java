package io.incidenttimeline.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.runtime.ProcessingProperties;
import io.incidenttimeline.projections.runtime.ReplayableProjection;
import io.incidenttimeline.projections.support.ProcessorState;
import io.incidenttimeline.projections.support.ReadStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two storage locations. The event store (events, snapshots, idempotency records, the audit chain) is Spring Boot's
 * own {@code spring.datasource}, with its unqualified DataSource, JdbcTemplate, transaction manager and Flyway. The
 * read store (read models and the processors' tokens) is {@code incident.read-store.datasource}, or the same database
 * when that has no url; its beans carry {@link ReadStore} and are no default candidates, so nothing picks them up by
 * type alone and Spring Boot's auto-configuration of the event store's beans stays as it is.
 * <p>
 * The processors' tokens live with the read models, and every processor's transactions run on the read store, so a
 * batch's read-model writes and its token commit together; the event store is only read by them, outside those
 * transactions. The identity check runs before the token store exists, so before any processor can start.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfig {

    static final String READ_STORE_DATASOURCE = "incident.read-store.datasource";

    @Bean
    StorageLocations storageLocations(DataSource eventStore, Environment environment) {
        Binder binder = Binder.get(environment);
        if (binder.bind(READ_STORE_DATASOURCE + ".url", String.class).isBound()) {
            DataSourceProperties properties = binder.bind(READ_STORE_DATASOURCE, DataSourceProperties.class).get();
            HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
            pool.setPoolName("read-store");
            binder.bind(READ_STORE_DATASOURCE + ".hikari", Bindable.ofInstance(pool));
            EmbeddedDatabasePools.configure(pool);
            return StorageLocations.separate(eventStore, pool);
        }
        return StorageLocations.shared(eventStore);
    }

    /** Pools of an embedded H2 database: a database H2 closed (a full disk) is DOWN and stops the application. */
    @Bean
    static BeanPostProcessor embeddedDatabasePools() {
        return new EmbeddedDatabasePools();
    }

    /** The health component {@code embeddedStore}: DOWN while an H2 database file's disk is (nearly) full. */
    @Bean
    HealthIndicator embeddedStoreHealthIndicator(StorageLocations locations, EmbeddedStoreProperties properties) {
        List<Path> directories = Stream.of(locations.eventStoreLocation(), locations.readStoreLocation()).distinct()
                .map(EmbeddedStoreHealth::directoryOf).flatMap(Optional::stream).distinct().toList();
        return new EmbeddedStoreHealth(directories, properties.minFreeSpace().toBytes());
    }

    /** A migration of the event store that must know where the read store is; Spring Boot's Flyway runs it. */
    @Bean
    JavaMigration orphanReadModels(StorageLocations locations) {
        return new OrphanReadModels(locations);
    }

    @Bean(defaultCandidate = false, destroyMethod = "")
    @ReadStore
    DataSource readStoreDataSource(StorageLocations locations) {
        return locations.readStore();
    }

    /** The read store's schema, migrated after the event store's (whose initializer is asked for to order them). */
    @Bean
    ReadStoreMigrated readStoreMigrated(StorageLocations locations,
                                        ObjectProvider<FlywayMigrationInitializer> eventStoreMigrated) {
        eventStoreMigrated.getIfAvailable();
        ReadStoreSchema.migrate(locations);
        return new ReadStoreMigrated();
    }

    /** Marks the read store's migration as done; beans that use the read store depend on it. */
    static final class ReadStoreMigrated {
    }

    @Bean(defaultCandidate = false)
    @ReadStore
    JdbcTemplate readStoreJdbcTemplate(@ReadStore DataSource readStore, ReadStoreMigrated migrated) {
        return new JdbcTemplate(readStore);
    }

    @Bean(defaultCandidate = false)
    @ReadStore
    PlatformTransactionManager readStoreTransactionManager(@ReadStore DataSource readStore) {
        return new JdbcTransactionManager(readStore);
    }

    @Bean
    StorageIdentityGuard storageIdentityGuard(StorageLocations locations, JdbcTemplate eventStore,
                                              @ReadStore JdbcTemplate readStore,
                                              @ReadStore PlatformTransactionManager readTransactions,
                                              List<ReplayableProjection> projections, List<ProcessorState> processorStates,
                                              ProjectionGenerations generations,
                                              EventStoreProperties eventStoreProperties,
                                              ReadStoreProperties readStoreProperties, Clock clock) {
        StorageIdentityGuard guard = new StorageIdentityGuard(locations, eventStore, readStore,
                new TransactionTemplate(readTransactions), new ReadStoreReset(projections, processorStates, generations, readStore), clock);
        guard.verify(eventStoreProperties, readStoreProperties);
        return guard;
    }

    /**
     * Axon's JDBC token store, in the read store. Not wrapped in Axon's UnitOfWorkAwareConnectionProviderWrapper as
     * the event store's connection provider is: that keeps one connection per unit of work under a single key, which
     * would hand one store's connection to the other; Spring's transaction binds connections per DataSource instead.
     * Claims are owned by this node's name and lapse after the configured claim timeout (docs/operations.md, several nodes).
     */
    @Bean
    TokenStore tokenStore(StorageIdentityGuard verified, @ReadStore DataSource readStore,
                          @Qualifier("serializer") Serializer serializer, ProcessingProperties properties) {
        return JdbcTokenStore.builder().connectionProvider(new SpringDataSourceConnectionProvider(readStore))
                .schema(new TokenSchema()).serializer(serializer).claimTimeout(properties.claimTimeout())
                .nodeId(properties.nodeName()).build();
    }

    @Bean
    ConfigurerModule processorsTransactOnTheReadStore(@ReadStore PlatformTransactionManager readTransactions) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultTransactionManager(
                configuration -> new SpringTransactionManager(readTransactions)));
    }
}
