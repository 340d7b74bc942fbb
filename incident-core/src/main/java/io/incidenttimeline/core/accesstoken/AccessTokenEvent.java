package io.incidenttimeline.core.accesstoken;

import io.incidenttimeline.core.shared.DomainEvent;

/** An event of a personal token's stream. None carries the token's secret or its hash. */
public interface AccessTokenEvent extends DomainEvent {
}
