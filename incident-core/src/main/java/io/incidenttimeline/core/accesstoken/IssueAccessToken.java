package io.incidenttimeline.core.accesstoken;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues a personal token under a name no active token holds. The secret and its hash are the application's: they
 * never enter the domain, so no event can carry them.
 */
public record IssueAccessToken(String name, TokenRole role) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccessTokenIds.aggregateId(name);
    }
}
