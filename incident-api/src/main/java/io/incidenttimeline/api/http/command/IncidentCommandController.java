package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.incidenttimeline.core.shared.Text;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The command side of incidents: every endpoint turns its body into one command. */
@RestController
@Tag(name = "Incident commands")
@RequestMapping(path = "/api/v1/incidents", produces = {"application/json", "application/problem+json"})
public class IncidentCommandController {

    private final Commands commands;
    private final CommandResponses responses;

    public IncidentCommandController(Commands commands, CommandResponses responses) {
        this.commands = commands;
        this.responses = responses;
    }

    @Operation(summary = "Declare an incident with its first update")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.UpdateAccepted.class)))
    @DocumentedProblems({ProblemType.INVALID_IF_MATCH, ProblemType.VERSION_MISMATCH, ProblemType.INCIDENT_ALREADY_DECLARED, ProblemType.INVALID_LOCALE, ProblemType.LOCALE_REQUIRED, ProblemType.UNKNOWN_COMPONENT, ProblemType.COMPONENT_RETIRED, ProblemType.NEXT_UPDATE_AMBIGUOUS, ProblemType.NEXT_UPDATE_OUT_OF_RANGE, ProblemType.NEXT_UPDATE_AFTER_RESOLUTION})
    @PostMapping(consumes = "application/json")
    public ResponseEntity<IncidentResponses.UpdateAccepted> declare(@RequestBody IncidentRequests.Declare body,
                                                                    CommandContext context) {
        // checked before the event store is asked about it: some ids (a NUL byte) are not even storable text
        String incidentId = body.id() != null ? Text.id("id", body.id()) : GeneratedIds.next("inc");
        String updateId = body.updateId() != null ? body.updateId() : GeneratedIds.next("upd");
        CommandResult result = commands.send(body.toCommand(incidentId, updateId), responses.actor(context, body));
        return CommandResponses.created(incidentUri(result.aggregateId()), result, accepted(result));
    }

    @Operation(summary = "Post an update; a resolved one resolves the incident, a later open one reopens it")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.UpdateAccepted.class)))
    @DocumentedProblems({ProblemType.UPDATE_ID_TAKEN, ProblemType.UNKNOWN_COMPONENT, ProblemType.COMPONENT_RETIRED, ProblemType.NEXT_UPDATE_AMBIGUOUS, ProblemType.NEXT_UPDATE_OUT_OF_RANGE, ProblemType.NEXT_UPDATE_AFTER_RESOLUTION})
    @PostMapping(path = "/{incidentId}/updates", consumes = "application/json")
    public ResponseEntity<IncidentResponses.UpdateAccepted> postUpdate(@PathVariable String incidentId,
                                                                       @RequestBody IncidentRequests.Update body,
                                                                       CommandContext context) {
        String updateId = body.updateId() != null ? body.updateId() : GeneratedIds.next("upd");
        CommandResult result = commands.send(body.toCommand(incidentId, updateId, context.expectedVersion()),
                responses.actor(context, body));
        return CommandResponses.created(URI.create(incidentUri(incidentId) + "/updates/" + result.updateId()), result,
                accepted(result));
    }

    @Operation(summary = "Correct the text of an update; the original stays in the history")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.UPDATE_NOT_FOUND, ProblemType.UPDATE_RETRACTED})
    @PostMapping(path = "/{incidentId}/updates/{updateId}/amendments", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> amend(@PathVariable String incidentId, @PathVariable String updateId,
                                        @RequestBody IncidentRequests.Amendment body, CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, updateId, context.expectedVersion()));
    }

    @Operation(summary = "Retract an update; it disappears from public views, the history keeps it")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.UPDATE_NOT_FOUND, ProblemType.UPDATE_RETRACTED})
    @PostMapping(path = "/{incidentId}/updates/{updateId}/retraction", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> retract(@PathVariable String incidentId, @PathVariable String updateId,
                                          @RequestBody IncidentRequests.Retraction body, CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, updateId, context.expectedVersion()));
    }

    @Operation(summary = "Record or correct when customers were affected")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.IMPACT_WINDOW_INVERTED})
    @PutMapping(path = "/{incidentId}/impact-window", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> recordImpactWindow(@PathVariable String incidentId,
                                                     @RequestBody IncidentRequests.ImpactWindow body,
                                                     CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, context.expectedVersion()));
    }

    @Operation(summary = "Record or correct when a lifecycle moment happened (detected, acknowledged, mitigated, "
            + "resolved or a configured extra); internal, never on the public page",
            description = "A first recording needs no reason, a correction does. Acknowledged, mitigated and resolved "
                    + "cannot lie before detected; while the incident is resolved no moment lies after its resolution, "
                    + "which is the resolving update's time until corrected here.")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.UNKNOWN_MOMENT, ProblemType.LIFECYCLE_BEFORE_DETECTION, ProblemType.LIFECYCLE_AFTER_RESOLUTION, ProblemType.LIFECYCLE_RESOLVED_WHILE_OPEN})
    @PutMapping(path = "/{incidentId}/lifecycle/{moment}", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> recordLifecycleTime(@PathVariable String incidentId,
                                                      @PathVariable String moment,
                                                      @RequestBody IncidentRequests.LifecycleTime body,
                                                      CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, moment, context.expectedVersion()));
    }

    @Operation(summary = "Set the impact and the affected components")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.UNKNOWN_COMPONENT, ProblemType.COMPONENT_RETIRED})
    @PutMapping(path = "/{incidentId}/impact", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> changeImpact(@PathVariable String incidentId,
                                               @RequestBody IncidentRequests.ImpactChange body, CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, context.expectedVersion()));
    }

    @Operation(summary = "Add texts in another locale, human or machine translated")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.INVALID_LOCALE, ProblemType.LOCALE_REQUIRED, ProblemType.TRANSLATION_OF_AUTHORITATIVE_LOCALE, ProblemType.TRANSLATION_EMPTY, ProblemType.TRANSLATION_OF_INTERNAL_UPDATE, ProblemType.UPDATE_NOT_FOUND, ProblemType.UPDATE_RETRACTED, ProblemType.POST_MORTEM_NOT_PUBLISHED})
    @PostMapping(path = "/{incidentId}/translations", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> addTranslation(@PathVariable String incidentId,
                                                 @RequestBody IncidentRequests.Translation body, CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, context.expectedVersion()));
    }

    @Operation(summary = "Publish the post-mortem, or a new revision of it, once the incident is resolved")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.POST_MORTEM_BEFORE_RESOLUTION, ProblemType.TOO_MANY_REMEDIATION_ITEMS, ProblemType.DUPLICATE_REMEDIATION_ITEM})
    @PutMapping(path = "/{incidentId}/postmortem", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> publishPostMortem(@PathVariable String incidentId,
                                                    @RequestBody IncidentRequests.PostMortem body,
                                                    CommandContext context) {
        return ok(incidentId, body, context, body.toCommand(incidentId, context.expectedVersion()));
    }

    @Operation(summary = "Mark a remediation item done")
    @ApiResponse(responseCode = "200", description = "Done (also when nothing changed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentResponses.IncidentVersion.class)))
    @DocumentedProblems({ProblemType.REMEDIATION_ITEM_NOT_FOUND})
    @PostMapping(path = "/{incidentId}/postmortem/remediation/{itemId}/completion", consumes = "application/json")
    public ResponseEntity<IncidentResponses.IncidentVersion> completeRemediationItem(@PathVariable String incidentId, @PathVariable String itemId,
                                                          @RequestBody(required = false) IncidentRequests.Completion body,
                                                          CommandContext context) {
        var completion = body == null ? IncidentRequests.Completion.NOW : body;
        return ok(incidentId, completion, context, completion.toCommand(incidentId, itemId, context.expectedVersion()));
    }

    private ResponseEntity<IncidentResponses.IncidentVersion> ok(String incidentId, Object request,
                                                                 CommandContext context, Object command) {
        CommandResult result = commands.send(command, responses.actor(context, request));
        return CommandResponses.ok(result, new IncidentResponses.IncidentVersion(incidentId, result.version()));
    }

    private static IncidentResponses.UpdateAccepted accepted(CommandResult result) {
        return new IncidentResponses.UpdateAccepted(result.aggregateId(), result.updateId(), result.version());
    }

    static URI incidentUri(String incidentId) {
        return URI.create("/api/v1/incidents/" + incidentId);
    }
}
