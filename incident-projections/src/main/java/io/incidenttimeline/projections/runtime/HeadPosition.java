package io.incidenttimeline.projections.runtime;

import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/** The global position of the newest stored event, as the event store's head token has it. */
public final class HeadPosition {

    private HeadPosition() {
    }

    /** Empty while the store holds no event. */
    public static OptionalLong of(StreamableMessageSource<?> events) {
        TrackingToken head = events.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }
}
