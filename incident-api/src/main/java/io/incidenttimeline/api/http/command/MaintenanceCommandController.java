package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.core.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command side of scheduled maintenances, with the conventions of the incident commands: Idempotency-Key,
 * If-Match with the maintenance's version, 201 and Location on creation, problem+json refusals naming the field.
 */
@RestController
@Tag(name = "Maintenance commands")
@RequestMapping(path = "/api/v1/maintenances", produces = {"application/json", "application/problem+json"})
public class MaintenanceCommandController {

    private final Commands commands;
    private final CommandResponses responses;

    public MaintenanceCommandController(Commands commands, CommandResponses responses) {
        this.commands = commands;
        this.responses = responses;
    }

    @Operation(summary = "Schedule a maintenance: its window, the components it takes down and its first message",
            operationId = "scheduleMaintenance")
    @ApiResponse(responseCode = "201", description = "Scheduled", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MaintenanceResponses.UpdateAccepted.class)))
    @DocumentedProblems({ProblemType.INVALID_IF_MATCH, ProblemType.VERSION_MISMATCH, ProblemType.MAINTENANCE_ALREADY_SCHEDULED, ProblemType.UNKNOWN_COMPONENT,
            ProblemType.MAINTENANCE_WINDOW_INVERTED, ProblemType.MAINTENANCE_WINDOW_IN_PAST,
            ProblemType.MAINTENANCE_WINDOW_OUT_OF_RANGE})
    @PostMapping(consumes = "application/json")
    public ResponseEntity<MaintenanceResponses.UpdateAccepted> schedule(@RequestBody MaintenanceRequests.Schedule body,
                                                                        CommandContext context) {
        // checked before the event store is asked about it: some ids (a NUL byte) are not even storable text
        String maintenanceId = body.id() != null ? Text.id("id", body.id()) : GeneratedIds.next("mnt");
        CommandResult result = commands.send(body.toCommand(maintenanceId, GeneratedIds.next("upd")),
                responses.actor(context, body));
        return CommandResponses.created(maintenanceUri(result.aggregateId()), result, accepted(result));
    }

    @Operation(summary = "Post a public update on a maintenance that has not ended",
            operationId = "postMaintenanceUpdate")
    @ApiResponse(responseCode = "201", description = "Posted", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MaintenanceResponses.UpdateAccepted.class)))
    @DocumentedProblems({ProblemType.MAINTENANCE_ENDED, ProblemType.UPDATE_ID_TAKEN})
    @PostMapping(path = "/{maintenanceId}/updates", consumes = "application/json")
    public ResponseEntity<MaintenanceResponses.UpdateAccepted> postUpdate(@PathVariable String maintenanceId,
                                                                          @RequestBody MaintenanceRequests.Update body,
                                                                          CommandContext context) {
        CommandResult result = commands.send(body.toCommand(known(maintenanceId), GeneratedIds.next("upd"),
                context.expectedVersion()), responses.actor(context, body));
        return CommandResponses.created(URI.create(maintenanceUri(maintenanceId) + "/updates/" + result.updateId()),
                result, accepted(result));
    }

    @Operation(summary = "Start a maintenance: its components are under maintenance until it is completed",
            operationId = "startMaintenance",
            description = "Starting a maintenance under way changes nothing. Without a message, the usual one is posted.")
    @ApiResponse(responseCode = "200", description = "In progress (also when nothing changed)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = MaintenanceResponses.Transitioned.class)))
    @DocumentedProblems({ProblemType.MAINTENANCE_ENDED, ProblemType.UPDATE_ID_TAKEN})
    @PostMapping(path = "/{maintenanceId}/start", consumes = "application/json")
    public ResponseEntity<MaintenanceResponses.Transitioned> start(@PathVariable String maintenanceId,
                                        @RequestBody(required = false) MaintenanceRequests.Transition body,
                                        CommandContext context) {
        var transition = body == null ? MaintenanceRequests.Transition.USUAL_MESSAGE : body;
        return transitioned(maintenanceId, MaintenanceStatus.IN_PROGRESS, transition, context,
                transition.toStart(known(maintenanceId), GeneratedIds.next("upd"), context.expectedVersion()));
    }

    @Operation(summary = "Complete a maintenance under way: its components return to what incidents say of them",
            operationId = "completeMaintenance",
            description = "Completing a completed maintenance changes nothing. Without a message, the usual one is posted.")
    @ApiResponse(responseCode = "200", description = "Completed (also when nothing changed)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = MaintenanceResponses.Transitioned.class)))
    @DocumentedProblems({ProblemType.MAINTENANCE_NOT_STARTED, ProblemType.MAINTENANCE_ENDED, ProblemType.UPDATE_ID_TAKEN})
    @PostMapping(path = "/{maintenanceId}/complete", consumes = "application/json")
    public ResponseEntity<MaintenanceResponses.Transitioned> complete(@PathVariable String maintenanceId,
                                           @RequestBody(required = false) MaintenanceRequests.Transition body,
                                           CommandContext context) {
        var transition = body == null ? MaintenanceRequests.Transition.USUAL_MESSAGE : body;
        return transitioned(maintenanceId, MaintenanceStatus.COMPLETED, transition, context,
                transition.toComplete(known(maintenanceId), GeneratedIds.next("upd"), context.expectedVersion()));
    }

    @Operation(summary = "Cancel a maintenance that has not started", operationId = "cancelMaintenance",
            description = "Cancelling a cancelled maintenance changes nothing. Without a message, the usual one is posted.")
    @ApiResponse(responseCode = "200", description = "Cancelled (also when nothing changed)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = MaintenanceResponses.Transitioned.class)))
    @DocumentedProblems({ProblemType.MAINTENANCE_ALREADY_STARTED, ProblemType.MAINTENANCE_ENDED, ProblemType.UPDATE_ID_TAKEN})
    @PostMapping(path = "/{maintenanceId}/cancel", consumes = "application/json")
    public ResponseEntity<MaintenanceResponses.Transitioned> cancel(@PathVariable String maintenanceId,
                                         @RequestBody(required = false) MaintenanceRequests.Transition body,
                                         CommandContext context) {
        var transition = body == null ? MaintenanceRequests.Transition.USUAL_MESSAGE : body;
        return transitioned(maintenanceId, MaintenanceStatus.CANCELLED, transition, context,
                transition.toCancel(known(maintenanceId), GeneratedIds.next("upd"), context.expectedVersion()));
    }

    /** A start, completion or cancellation succeeded: the maintenance is in {@code status}, whether or not it just got there. */
    private ResponseEntity<MaintenanceResponses.Transitioned> transitioned(String maintenanceId, MaintenanceStatus status,
                                                                           MaintenanceRequests.Transition request,
                                                                           CommandContext context, Object command) {
        CommandResult result = commands.send(command, responses.actor(context, request));
        return CommandResponses.ok(result, new MaintenanceResponses.Transitioned(maintenanceId, status.wire(),
                result.version()));
    }

    private static MaintenanceResponses.UpdateAccepted accepted(CommandResult result) {
        return new MaintenanceResponses.UpdateAccepted(result.aggregateId(), result.updateId(), result.version());
    }

    /** An id no maintenance can have is simply not found (and never sent to the event store). */
    static String known(String maintenanceId) {
        if (!Text.isId(maintenanceId)) {
            throw new AggregateNotFoundException(MaintenanceIds.aggregateId(maintenanceId),
                    "no maintenance with id " + maintenanceId);
        }
        return maintenanceId;
    }

    static URI maintenanceUri(String maintenanceId) {
        return URI.create("/api/v1/maintenances/" + maintenanceId);
    }
}
