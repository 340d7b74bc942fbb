package io.incidenttimeline.api.audit;

import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The health indicator {@code audit}: DOWN while the database does not hold the chain and checkpoints this node
 * recorded, with the failure (reason, position, detail) among the details an admin sees. A check that cannot read the
 * database is DOWN too (the base class reports the exception), so health stays a health answer during an outage.
 */
@Component("audit")
class AuditHealth extends AbstractHealthIndicator {

    private final ChainContinuity continuity;

    AuditHealth(ChainContinuity continuity) {
        super("the audit chain's continuity could not be checked");
        this.continuity = continuity;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        continuity.check().ifPresentOrElse(
                failure -> builder.down().withDetail("reason", failure.reason())
                        .withDetail("position", failure.position()).withDetail("detail", failure.detail()),
                builder::up);
    }
}
