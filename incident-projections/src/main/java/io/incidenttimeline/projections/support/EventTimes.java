package io.incidenttimeline.projections.support;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Optional;

/** The {@code occurredAt} and {@code recordedAt} an event record declares, looked up once per event class. */
public final class EventTimes {

    private static final ClassValue<Optional<Method>> OCCURRED_AT = accessor("occurredAt");
    private static final ClassValue<Optional<Method>> RECORDED_AT = accessor("recordedAt");

    private EventTimes() {
    }

    /** When the event says it happened, or null if its type has no such time. */
    public static Instant occurredAt(Object payload) {
        return read(OCCURRED_AT, payload);
    }

    /** When the event says it was recorded, or null if its type has no such time. */
    public static Instant recordedAt(Object payload) {
        return read(RECORDED_AT, payload);
    }

    private static Instant read(ClassValue<Optional<Method>> accessor, Object payload) {
        Optional<Method> method = accessor.get(payload.getClass());
        if (method.isEmpty()) {
            return null;
        }
        try {
            return method.get().invoke(payload) instanceof Instant instant ? instant : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static ClassValue<Optional<Method>> accessor(String name) {
        return new ClassValue<>() {
            @Override
            protected Optional<Method> computeValue(Class<?> type) {
                try {
                    return Optional.of(type.getMethod(name));
                } catch (NoSuchMethodException e) {
                    return Optional.empty();
                }
            }
        };
    }
}
