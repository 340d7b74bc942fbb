package io.incidenttimeline.api.http.admin;

import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.security.ApiTokens;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin's deliberate acceptance that the database no longer holds the audit chain or checkpoints this node recorded
 * (restored from an older backup, moved to a new database): it must name the current failure exactly, as
 * {@code GET /api/v1/audit/verify} and the health indicator {@code audit} report it. The node's record is kept aside
 * with who accepted it, and the acceptance is logged at WARN. Each node keeps its own record: accept on each.
 */
@RestController
class AuditContinuityController {

    static final String REASON = "reason";
    static final String POSITION = "position";

    private final ChainContinuity continuity;

    AuditContinuityController(ChainContinuity continuity) {
        this.continuity = continuity;
    }

    @Operation(summary = "Accept the current audit continuity failure on this node, naming its reason and position",
            operationId = "acceptAuditContinuityFailure")
    @DocumentedProblems({ProblemType.NOT_THE_CURRENT_CONTINUITY_FAILURE, ProblemType.PARAMETER_REQUIRED,
            ProblemType.INVALID_POSITION})
    @PostMapping(path = "/api/v1/admin/audit/continuity/acceptance", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainContinuity.Acceptance accept(
            @Parameter(description = "the failure's reason, e.g. checkpoint-lost") @RequestParam(name = REASON) String reason,
            @Parameter(description = "the failure's position") @RequestParam(name = POSITION) String position) {
        try {
            return continuity.accept(reason, position(position), caller());
        } catch (ChainContinuity.NotTheCurrentFailure e) {
            throw new ApiProblem(HttpStatus.CONFLICT, ProblemType.NOT_THE_CURRENT_CONTINUITY_FAILURE.slug(), REASON,
                    e.getMessage());
        }
    }

    private static long position(String value) {
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_POSITION.slug(), POSITION,
                POSITION + " must be a whole number from 0 up, not '" + value + "'");
    }

    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiTokens.Caller caller
                ? caller.name() : "unknown";
    }
}
