package io.incidenttimeline.api.axon;

import java.lang.reflect.Constructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;

/**
 * Tells Spring's snapshotter how to create an aggregate it may snapshot. Unlike Axon's GenericAggregateFactory it
 * does not inspect the command handlers itself, which would fail on parameters that only Spring can resolve (the
 * Clock, the component catalogue); the snapshotter inspects them with Spring's resolvers.
 */
final class SnapshottableAggregate<T> implements AggregateFactory<T> {

    private final Class<T> type;
    private final Constructor<T> constructor;

    SnapshottableAggregate(Class<T> type) {
        this.type = type;
        try {
            this.constructor = type.getDeclaredConstructor();
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a no-argument constructor", e);
        }
    }

    @Override
    public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        if (type.isInstance(firstEvent.getPayload())) {
            return type.cast(firstEvent.getPayload());
        }
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    @Override
    public Class<T> getAggregateType() {
        return type;
    }
}
