package io.incidenttimeline.api.application;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.shared.CommandRejected;
import java.util.Optional;
import io.incidenttimeline.core.component.ComponentIds;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/** The domain's refusals, told apart from failures: a refusal is the caller's to act on, a failure is ours. */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal a domain exception stands for; such a refusal is remembered for the request's idempotency key. */
    public static Optional<Refusal> of(Throwable failure) {
        if (failure instanceof CommandRejected rejected) {
            return Optional.of(new Refusal(kind(rejected.reason()), rejected.type(), rejected.field(),
                    rejected.getMessage()));
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            String id = String.valueOf(notFound.getAggregateIdentifier());
            return Optional.of(new Refusal(Refusal.Kind.NOT_FOUND, "not-found", "id",
                    MaintenanceIds.isMaintenanceStream(id)
                            ? "no maintenance with id " + MaintenanceIds.maintenanceId(id) + " exists"
                            : ComponentIds.isComponentStream(id)
                            ? "no component with id " + ComponentIds.componentId(id) + " exists"
                            : "no incident with id " + id + " exists"));
        }
        return Optional.empty();
    }

    static Refusal staleVersion(ConflictingAggregateVersionException stale) {
        return new Refusal(Refusal.Kind.STALE_VERSION, "version-mismatch", null,
                "the incident changed since the version in If-Match (it is now at version " + stale.getActualVersion()
                        + "); read it again and retry with its current ETag");
    }

    static Refusal concurrentModification() {
        return new Refusal(Refusal.Kind.CONCURRENT_MODIFICATION, "concurrent-modification", null,
                "the incident was changed by another request at the same moment; retry the command");
    }

    static Refusal keyReused() {
        return new Refusal(Refusal.Kind.IDEMPOTENCY_KEY_REUSED, "idempotency-key-reused", null,
                "this Idempotency-Key was used for a different request; use a new key for a new request");
    }

    static Refusal keyInProgress() {
        return new Refusal(Refusal.Kind.IDEMPOTENCY_KEY_IN_PROGRESS, "idempotency-key-in-progress", null,
                "another request with this Idempotency-Key is still being processed; retry later");
    }

    private static Refusal.Kind kind(CommandRejected.Reason reason) {
        return switch (reason) {
            case INVALID_INPUT -> Refusal.Kind.INVALID_INPUT;
            case RULE_VIOLATION -> Refusal.Kind.RULE_VIOLATION;
            case NOT_FOUND -> Refusal.Kind.NOT_FOUND;
        };
    }
}
