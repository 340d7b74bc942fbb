package io.incidenttimeline.core.accesstoken;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A personal token was issued to {@code name} with {@code role}; who issued it is in the event's audit metadata. */
@Revision("1")
public record AccessTokenIssued(String name, TokenRole role, Instant occurredAt, Instant recordedAt)
        implements AccessTokenEvent {
}
