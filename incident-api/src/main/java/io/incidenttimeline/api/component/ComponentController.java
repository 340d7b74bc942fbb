package io.incidenttimeline.api.component;

import io.incidenttimeline.api.command.CommandContext;
import io.incidenttimeline.api.command.CommandResult;
import io.incidenttimeline.api.command.CommandRunner;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.component.DefineComponent;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.incidenttimeline.core.shared.Text;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The component catalogue: defining a component again with other values renames or moves it. */
@RestController
@Tag(name = "Component catalogue")
public class ComponentController {

    private final CommandRunner runner;
    private final ComponentCatalogue catalogue;

    public ComponentController(CommandRunner runner, ComponentCatalogue catalogue) {
        this.runner = runner;
        this.catalogue = catalogue;
    }

    public record Definition(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128) String id,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
                             String group, Integer position, String description,
                             Instant occurredAt) {
    }

    public record ComponentVersion(String componentId, long version) {
    }

    @Operation(summary = "Define a component, or rename, regroup, move or describe it anew")
    @ApiResponse(responseCode = "201", description = "Defined", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ComponentVersion.class)))
    @ApiResponse(responseCode = "200", description = "Redefined, or unchanged", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ComponentVersion.class)))
    @DocumentedProblems({ProblemType.INVALID_POSITION})
    @PostMapping(path = "/api/v1/components", consumes = "application/json",
            produces = {"application/json", "application/problem+json"})
    public ResponseEntity<Object> define(@RequestBody Definition body, CommandContext context) {
        return runner.run(context, body, sender -> {
            boolean existed = catalogue.isDefined(Text.id("id", body.id()));
            long version = sender.send(new DefineComponent(body.id(), body.name(), body.group(), body.position(),
                    body.description(), body.occurredAt()));
            var response = new ComponentVersion(body.id(), version);
            URI location = URI.create("/api/v1/components/" + body.id());
            return new CommandResult(existed ? HttpStatus.OK : HttpStatus.CREATED, location, version, response);
        });
    }
}
