package io.incidenttimeline.core.accesstoken;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes the active personal token of this name; the name may be issued again afterwards. */
public record RevokeAccessToken(String name) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccessTokenIds.aggregateId(name);
    }
}
