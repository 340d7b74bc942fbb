package io.incidenttimeline.api.axon;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;

/**
 * Axon's caching repository that uses a cached aggregate only while the event store holds no later event for it.
 * <p>
 * Nodes on one database each cache what they handled, and none sees what the others append. Axon's repository relies
 * on the append failing when a cached aggregate is behind (a unique-key violation, retried by {@code Commands} after
 * the rollback evicted the entry), but a command handled on a stale aggregate need not append: a repeated command
 * that changes nothing would answer success against a state that no longer holds, a rule would refuse against the
 * stale state, {@code If-Match} would compare against the stale version, and a reminder's deadline would be judged
 * against a promise already answered on the other node. So each cached load asks the store for the aggregate's last
 * sequence number, one indexed {@code max()}, and reads the aggregate from the store when it differs. That leaves the
 * same window as an uncached load: an event appended between this read and the append is caught by the unique key.
 * <p>
 * Rollbacks are Axon's: a unit of work that loaded or saved a cached aggregate removes the entry when it rolls back,
 * so a refused command, whose handler may have applied events before it threw, leaves nothing of itself cached.
 */
final class StoreCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    private StoreCheckedCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache,
                                          EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    /**
     * The repository {@link AggregateConfigurer#defaultConfiguration} builds for an event-sourced aggregate, with the
     * cache and the check.
     */
    static <T> Repository<T> of(Class<T> type, AggregateConfigurer<T> aggregate, Configuration c,
                                SnapshotTriggerDefinition snapshots, Cache cache) {
        EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(type))
                .lockFactory(PessimisticLockFactory.usingDefaults())
                .snapshotTriggerDefinition(snapshots)
                .aggregateFactory(aggregate.aggregateFactory())
                .repositoryProvider(c::repository)
                .spanFactory(c.getComponent(RepositorySpanFactory.class));
        return new StoreCheckedCachingRepository<>(builder, cache, c.eventStore());
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (cache.containsKey(aggregateIdentifier)) {
            EventSourcedAggregate<T> cached = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
            if (Objects.equals(cached.version(), stored)) {
                return cached;
            }
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
}
