package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.core.template.RetireTemplate;
import io.incidenttimeline.core.template.TemplateName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Responders' templates: created, changed whole, retired. Applying one is part of declaring and posting updates. */
@RestController
@Tag(name = "Templates")
@RequestMapping(path = "/api/v1/templates", produces = {"application/json", "application/problem+json"})
public class TemplateCommandController {

    private final Commands commands;
    private final CommandResponses responses;

    public TemplateCommandController(Commands commands, CommandResponses responses) {
        this.commands = commands;
        this.responses = responses;
    }

    @Operation(summary = "Create a template for declarations or for updates", operationId = "createTemplate",
            description = "The name may not be that of a template that is not retired; a retired template's name may "
                    + "be created again.")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TemplateRequests.TemplateVersion.class)))
    @DocumentedProblems({ProblemType.INVALID_TEMPLATE_NAME, ProblemType.TEMPLATE_NAME_TAKEN, ProblemType.INVALID_LOCALE,
            ProblemType.LOCALE_REQUIRED, ProblemType.DEFAULT_LOCALE_MISSING, ProblemType.TEMPLATE_FIELD_NOT_FOR_KIND,
            ProblemType.INVALID_PLACEHOLDER, ProblemType.NEXT_UPDATE_OUT_OF_RANGE,
            ProblemType.NEXT_UPDATE_AFTER_RESOLUTION})
    @PostMapping(consumes = "application/json")
    public ResponseEntity<TemplateRequests.TemplateVersion> create(@RequestBody TemplateRequests.Creation body,
                                                                   CommandContext context) {
        TemplateName.checked("name", body.name());
        CommandResult result = commands.send(body.toCommand(), responses.actor(context, body));
        return CommandResponses.created(URI.create("/api/v1/templates/" + body.name()), result,
                new TemplateRequests.TemplateVersion(body.name(), result.version()));
    }

    @Operation(summary = "Replace a template's content; incidents it filled in before keep their text",
            operationId = "changeTemplate", description = "The body is the whole new content. Sending the content it "
            + "has changes nothing. Its kind stays.")
    @ApiResponse(responseCode = "200", description = "Changed, or unchanged", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = TemplateRequests.TemplateVersion.class)))
    @DocumentedProblems({ProblemType.INVALID_TEMPLATE_NAME, ProblemType.TEMPLATE_NOT_FOUND, ProblemType.TEMPLATE_RETIRED,
            ProblemType.TEMPLATE_KIND_FIXED, ProblemType.INVALID_LOCALE, ProblemType.LOCALE_REQUIRED,
            ProblemType.DEFAULT_LOCALE_MISSING, ProblemType.TEMPLATE_FIELD_NOT_FOR_KIND, ProblemType.INVALID_PLACEHOLDER,
            ProblemType.NEXT_UPDATE_OUT_OF_RANGE, ProblemType.NEXT_UPDATE_AFTER_RESOLUTION})
    @PutMapping(path = "/{templateName}", consumes = "application/json")
    public ResponseEntity<TemplateRequests.TemplateVersion> change(@PathVariable String templateName,
                                                                   @RequestBody TemplateRequests.Change body,
                                                                   CommandContext context) {
        TemplateName.checked("name", templateName);
        CommandResult result = commands.send(body.toCommand(templateName, context.expectedVersion()),
                responses.actor(context, body));
        return CommandResponses.ok(result, new TemplateRequests.TemplateVersion(templateName, result.version()));
    }

    @Operation(summary = "Retire a template: it is applied no more, its history stays", operationId = "retireTemplate",
            description = "Incidents it filled in keep their text. The name may be created again afterwards.")
    @ApiResponse(responseCode = "200", description = "Retired", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TemplateRequests.TemplateVersion.class)))
    @DocumentedProblems({ProblemType.INVALID_TEMPLATE_NAME, ProblemType.TEMPLATE_NOT_FOUND, ProblemType.TEMPLATE_RETIRED})
    @DeleteMapping(path = "/{templateName}")
    public ResponseEntity<TemplateRequests.TemplateVersion> retire(@PathVariable String templateName,
                                                                   CommandContext context) {
        TemplateName.checked("name", templateName);
        CommandResult result = commands.send(new RetireTemplate(templateName, context.expectedVersion()),
                responses.actor(context, templateName));
        return CommandResponses.ok(result, new TemplateRequests.TemplateVersion(templateName, result.version()));
    }
}
