package io.incidenttimeline.api.problem;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.shared.CommandRejected;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** How the domain's refusals read over HTTP. Shared by the command runner (which stores them) and the error handler. */
public final class DomainProblems {

    private DomainProblems() {
    }

    public static Optional<ProblemDetail> of(Throwable failure) {
        if (failure instanceof CommandRejected rejected) {
            return Optional.of(Problems.of(status(rejected.reason()), rejected.type(), rejected.getMessage(), rejected.field()));
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            String id = String.valueOf(notFound.getAggregateIdentifier());
            return Optional.of(Problems.of(HttpStatus.NOT_FOUND, "not-found", MaintenanceIds.isMaintenanceStream(id)
                    ? "no maintenance with id " + MaintenanceIds.maintenanceId(id) + " exists"
                    : "no incident or component with id " + id + " exists", "id"));
        }
        return Optional.empty();
    }

    private static HttpStatus status(CommandRejected.Reason reason) {
        return switch (reason) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case RULE_VIOLATION -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }
}
