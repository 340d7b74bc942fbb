package io.incidenttimeline.api.http.command;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.core.incident.command.AssignRole;
import io.incidenttimeline.core.incident.command.ReleaseRole;
import io.incidenttimeline.core.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people of an incident: who holds its roles. Assigning a role to someone else hands it over; the one who
 * assigns is the caller, recorded as the event's actor. Internal: none of it reaches the public.
 */
@RestController
@Tag(name = "Incident commands")
@RequestMapping(path = "/api/v1/incidents", produces = {"application/json", "application/problem+json"})
public class IncidentRoleController {

    private final Commands commands;
    private final CommandResponses responses;

    public IncidentRoleController(Commands commands, CommandResponses responses) {
        this.commands = commands;
        this.responses = responses;
    }

    /** {@code holder} is a person's name on one line, never an email address. */
    public record RoleAssignment(
            @Schema(requiredMode = REQUIRED, maxLength = Text.NAME_MAX, example = "Dana Reyes") String holder,
            @Schema(maxLength = Text.REASON_MAX) String reason, Instant occurredAt) {

        AssignRole toCommand(String incidentId, String role, Long expectedVersion) {
            return new AssignRole(incidentId, role, holder, reason, occurredAt, expectedVersion);
        }
    }

    public record RoleRelease(@Schema(maxLength = Text.REASON_MAX) String reason, Instant occurredAt) {

        static final RoleRelease NOW = new RoleRelease(null, null);

        ReleaseRole toCommand(String incidentId, String role, Long expectedVersion) {
            return new ReleaseRole(incidentId, role, reason, occurredAt, expectedVersion);
        }
    }

    @Operation(summary = "Assign a role of the incident to a person, or hand it over to another",
            description = "Assigning the role to the person who holds it already changes nothing (200, same version).")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.UNKNOWN_ROLE, ProblemType.HOLDER_NOT_A_NAME})
    @PutMapping(path = "/{incidentId}/roles/{role}", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> assignRole(
            @PathVariable String incidentId,
            @Parameter(description = "one of incident.roles.names (lead, communications by default)")
            @PathVariable String role, @RequestBody RoleAssignment body, CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, role, context.expectedVersion()));
    }

    @Operation(summary = "Leave a role of the incident without a holder",
            description = "Releasing a role nobody holds changes nothing (200, same version).")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.UNKNOWN_ROLE})
    @DeleteMapping(path = "/{incidentId}/roles/{role}", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> releaseRole(
            @PathVariable String incidentId, @PathVariable String role,
            @RequestBody(required = false) RoleRelease body, CommandContext context) {
        RoleRelease release = body == null ? RoleRelease.NOW : body;
        return ok(incidentId, release, context, release.toCommand(incidentId, role, context.expectedVersion()));
    }

    private ResponseEntity<IncidentResponses.IncidentVersion> ok(String incidentId, Object request,
                                                                 CommandContext context, Object command) {
        CommandResult result = commands.send(command, responses.actor(context, request));
        return CommandResponses.ok(result, new IncidentResponses.IncidentVersion(incidentId, result.version()));
    }
}
