package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.core.component.DefineComponent;
import io.incidenttimeline.core.component.RetireComponent;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.incidenttimeline.core.shared.Text;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The component catalogue: defining a component again with other values renames or moves it. */
@RestController
@Tag(name = "Component catalogue")
public class ComponentController {

    private final Commands commands;
    private final CommandResponses responses;

    public ComponentController(Commands commands, CommandResponses responses) {
        this.commands = commands;
        this.responses = responses;
    }

    public record Definition(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128) String id,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
                             @Schema(maxLength = 200, example = "Talk", description = "the name of the component's "
                                     + "group, as readers see it (components.json shows it as the group's name); a "
                                     + "group_id such as group-talk is refused") String group,
                             Integer position, String description,
                             Instant occurredAt) {

        public DefineComponent toCommand() {
            return new DefineComponent(id, name, group, position, description, occurredAt);
        }
    }

    public record ComponentVersion(String componentId, long version) {
    }

    public record Retirement(@Schema(maxLength = 1000, description = "why it leaves the catalogue") String reason,
                             Instant occurredAt) {

        public RetireComponent toCommand(String componentId) {
            return new RetireComponent(componentId, reason, occurredAt);
        }
    }

    @Operation(summary = "Define a component, or rename, regroup, move or describe it anew")
    @ApiResponse(responseCode = "201", description = "Defined", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ComponentVersion.class)))
    @ApiResponse(responseCode = "200", description = "Redefined, or unchanged", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ComponentVersion.class)))
    @DocumentedProblems({ProblemType.INVALID_POSITION, ProblemType.GROUP_ID_NOT_NAME, ProblemType.INVALID_IF_MATCH,
            ProblemType.VERSION_MISMATCH, ProblemType.COMPONENT_RETIRED})
    @PostMapping(path = "/api/v1/components", consumes = "application/json",
            produces = {"application/json", "application/problem+json"})
    public ResponseEntity<ComponentVersion> define(@RequestBody Definition body, CommandContext context) {
        // checked before the event store is asked about it: some ids (a NUL byte) are not even storable text
        Text.id("id", body.id());
        CommandResult result = commands.send(body.toCommand(), responses.actor(context, body));
        return CommandResponses.createdOrOk(URI.create("/api/v1/components/" + body.id()), result,
                new ComponentVersion(body.id(), result.version()));
    }

    @Operation(summary = "Retire a component: it leaves the page and the pickers; past incidents and uptime keep it",
            description = "Retiring a retired component again changes nothing. A retired component cannot be defined "
                    + "again, and incidents may not newly name it; one that named it before may still report it.")
    @ApiResponse(responseCode = "200", description = "Retired, or retired already", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ComponentVersion.class)))
    @DocumentedProblems({ProblemType.NOT_FOUND})
    @PostMapping(path = "/api/v1/components/{componentId}/retirement", consumes = "application/json",
            produces = {"application/json", "application/problem+json"})
    public ResponseEntity<ComponentVersion> retire(@PathVariable String componentId,
                                                   @RequestBody(required = false) Retirement body,
                                                   CommandContext context) {
        Text.id("id", componentId);
        Retirement retirement = body == null ? new Retirement(null, null) : body;
        CommandResult result = commands.send(retirement.toCommand(componentId), responses.actor(context, retirement));
        return CommandResponses.ok(result, new ComponentVersion(componentId, result.version()));
    }
}
