package io.incidenttimeline.core.accesstoken;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The personal token of {@code name}, which had {@code role}, was revoked; from then on it authenticates nobody. */
@Revision("1")
public record AccessTokenRevoked(String name, TokenRole role, Instant occurredAt, Instant recordedAt)
        implements AccessTokenEvent {
}
