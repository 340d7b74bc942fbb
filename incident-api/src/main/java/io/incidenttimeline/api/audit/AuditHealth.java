package io.incidenttimeline.api.audit;

import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health indicator {@code audit}: DOWN while the database does not hold the chain and checkpoints this node
 * recorded, with the failure (reason, position, detail) among the details an admin sees.
 */
@Component("audit")
class AuditHealth implements HealthIndicator {

    private final ChainContinuity continuity;

    AuditHealth(ChainContinuity continuity) {
        this.continuity = continuity;
    }

    @Override
    public Health health() {
        return continuity.check()
                .map(failure -> Health.down().withDetail("reason", failure.reason())
                        .withDetail("position", failure.position()).withDetail("detail", failure.detail()).build())
                .orElseGet(() -> Health.up().build());
    }
}
