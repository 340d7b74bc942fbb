package io.incidenttimeline.api.axon;

import io.incidenttimeline.projections.runtime.CommitNotifyingEventStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.core.accesstoken.AccessToken;
import io.incidenttimeline.core.component.Component;
import io.incidenttimeline.core.incident.Incident;
import io.incidenttimeline.core.maintenance.Maintenance;
import io.incidenttimeline.core.template.Template;
import io.incidenttimeline.core.shared.EventJson;
import io.incidenttimeline.projections.runtime.ChunkedTailReads;
import io.incidenttimeline.projections.runtime.EventStoreGaps;
import java.time.Clock;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import java.util.function.Function;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring. The aggregates carry no Spring annotation (incident-core stays free of Spring), so they are
 * registered here, each with a snapshot trigger and an aggregate cache.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Events read per query, by processors (a replay reads the whole store) and when loading an aggregate. */
    static final int READ_BATCH_SIZE = 1000;

    @Bean
    ConfigurerModule aggregates(IncidentProperties properties, AggregateCacheProperties cache) {
        int threshold = properties.snapshotThreshold();
        long cacheSize = cache.maxSize();
        return configurer -> {
            configurer.configureAggregate(eventSourced(Incident.class, threshold, cacheSize));
            configurer.configureAggregate(eventSourced(Component.class, threshold, cacheSize));
            configurer.configureAggregate(eventSourced(Maintenance.class, threshold, cacheSize));
            configurer.configureAggregate(eventSourced(AccessToken.class, threshold, cacheSize));
            configurer.configureAggregate(eventSourced(Template.class, threshold, cacheSize));
        };
    }

    /**
     * Each aggregate type with a snapshot trigger and, unless {@code cacheSize} is 0, a cache of its own (aggregate ids
     * of different types may be equal) behind a {@link StoreCheckedCachingRepository}.
     */
    private static <T> AggregateConfigurer<T> eventSourced(Class<T> type, int snapshotThreshold, long cacheSize) {
        AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(type);
        Function<org.axonframework.config.Configuration, SnapshotTriggerDefinition> snapshots =
                c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold);
        aggregate.configureSnapshotTrigger(snapshots);
        if (cacheSize > 0) {
            aggregate.configureRepository(c -> StoreCheckedCachingRepository.of(type, aggregate, c, snapshots.apply(c),
                    new CaffeineCache(cacheSize)));
        }
        return aggregate;
    }

    /** Spring's snapshotter finds the aggregates it may snapshot through AggregateFactory beans. */
    @Bean
    AggregateFactory<Incident> incidentSnapshotFactory() {
        return new SnapshottableAggregate<>(Incident.class);
    }

    @Bean
    AggregateFactory<Component> componentSnapshotFactory() {
        return new SnapshottableAggregate<>(Component.class);
    }

    @Bean
    AggregateFactory<Maintenance> maintenanceSnapshotFactory() {
        return new SnapshottableAggregate<>(Maintenance.class);
    }

    @Bean
    AggregateFactory<AccessToken> accessTokenSnapshotFactory() {
        return new SnapshottableAggregate<>(AccessToken.class);
    }

    @Bean
    AggregateFactory<Template> templateSnapshotFactory() {
        return new SnapshottableAggregate<>(Template.class);
    }

    /**
     * The JDBC storage engine as Axon's auto-configuration builds it, with gap settings of our own ({@link EventStoreGaps})
     * and reading {@value #READ_BATCH_SIZE} events per query instead of 100; declared here because defining the event
     * store below switches that auto-configuration off.
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer snapshotSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          PersistenceExceptionResolver duplicateKeys) {
        return EventStoreGaps.applyTo(JdbcEventStorageEngine.builder()).snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain()).persistenceExceptionResolver(duplicateKeys)
                .eventSerializer(eventSerializer).snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider).transactionManager(transactionManager).schema(new EventSchema())
                .batchSize(READ_BATCH_SIZE).build();
    }

    /** The embedded event store, telling the projections about committed events at once (see the class). */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  ThreadPoolTaskSchedulerBuilder schedulers) {
        ThreadPoolTaskScheduler reminders = schedulers.poolSize(1).threadNamePrefix("event-store-commit-notifier-").build();
        reminders.setDaemon(true);
        reminders.initialize();
        return new CommitNotifyingEventStore(EmbeddedEventStore.builder()
                .storageEngine(new ChunkedTailReads(storageEngine))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), reminders);
    }

    /** Events and snapshots are written with the contract mapper from incident-core; Axon looks it up by this name. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.objectMapper();
    }

    /** Copies who, how and why from each command onto every event it causes. */
    @Bean
    CorrelationDataProvider auditMetadata() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS);
    }

    /**
     * A unique-key violation, SQLSTATE 23505 on H2 and PostgreSQL alike: Axon then turns two writers appending the
     * same sequence number into a ConcurrencyException (retried) rather than a storage failure.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
