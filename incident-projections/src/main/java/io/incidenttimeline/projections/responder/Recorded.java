package io.incidenttimeline.projections.responder;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * What the event store knows of an event beside its payload: the aggregate's version after it (its sequence number,
 * which a command's If-Match names) and the actor and channel of its audit metadata.
 */
public record Recorded(long version, String actor, String channel) {

    public static Recorded of(DomainEventMessage<?> message) {
        Object actor = message.getMetaData().get("actor");
        Object channel = message.getMetaData().get("channel");
        return new Recorded(message.getSequenceNumber(), actor == null ? null : actor.toString(),
                channel == null ? null : channel.toString());
    }

    Authored at(Instant occurredAt, Instant recordedAt) {
        return new Authored(actor, channel, occurredAt, recordedAt);
    }
}
