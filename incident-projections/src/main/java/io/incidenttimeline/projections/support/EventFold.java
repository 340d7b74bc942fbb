package io.incidenttimeline.projections.support;

import java.util.List;
import java.util.function.BiFunction;

/** Folds a stream's events, in order, from no state: how time travel and tests rebuild a read model's document. */
public final class EventFold {

    private EventFold() {
    }

    /** The state after every event; {@code apply} receives null before the first. */
    public static <S> S fromStart(List<?> events, BiFunction<S, Object, S> apply) {
        S state = null;
        for (Object event : events) {
            state = apply.apply(state, event);
        }
        return state;
    }
}
