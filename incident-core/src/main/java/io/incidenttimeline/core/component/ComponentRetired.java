package io.incidenttimeline.core.component;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A component left the catalogue for good; {@code reason} says why, if one was given. */
@Revision("1")
public record ComponentRetired(String componentId, String reason, Instant occurredAt, Instant recordedAt)
        implements ComponentEvent {
}
