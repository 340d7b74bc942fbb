package io.incidenttimeline.api.http.read.responder;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.incidenttimeline.api.application.CurrentVersions;
import io.incidenttimeline.api.http.command.CommandResponses;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.template.TemplateUse;
import io.incidenttimeline.api.template.Templates;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.core.template.TemplateIds;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.core.template.TemplateName;
import io.incidenttimeline.core.template.TemplateText;
import io.incidenttimeline.projections.template.ResponderTemplate;
import io.incidenttimeline.projections.template.TemplateQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Responders' templates as the template view has them, and a preview of one filled in. */
@RestController
@Tag(name = "Templates")
@RequestMapping(path = "/api/v1/templates", produces = {"application/json", "application/problem+json"})
public class TemplateReadController {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final TemplateQueries queries;
    private final Templates templates;
    private final CurrentVersions versions;

    public TemplateReadController(TemplateQueries queries, Templates templates, CurrentVersions versions) {
        this.queries = queries;
        this.templates = templates;
        this.versions = versions;
    }

    public record TemplateView(@Schema(requiredMode = REQUIRED) String name,
                               @Schema(requiredMode = REQUIRED) TemplateKind kind,
                               @Schema(requiredMode = REQUIRED) String defaultLocale,
                               @Schema(requiredMode = REQUIRED) Map<String, TemplateText> texts,
                               @JsonInclude(NON_NULL) Impact impact, @JsonInclude(NON_NULL) IncidentStatus status,
                               @JsonInclude(NON_NULL) Visibility visibility,
                               @Schema(requiredMode = REQUIRED) Map<String, ComponentStatus> components,
                               Integer nextUpdateInMinutes,
                               @Schema(requiredMode = REQUIRED) boolean retired,
                               @Schema(requiredMode = REQUIRED, description = "the template's version, for If-Match")
                               long version,
                               @Schema(requiredMode = REQUIRED) Instant createdAt, String createdBy,
                               @Schema(requiredMode = REQUIRED) Instant changedAt, String changedBy,
                               Instant retiredAt) {

        static TemplateView of(ResponderTemplate t) {
            var c = t.content();
            return new TemplateView(t.name(), t.kind(), c.defaultLocale(), c.texts(), c.impact(), c.status(),
                    c.visibility(), c.components() == null ? Map.of() : c.components(), c.nextUpdateInMinutes(),
                    t.retired(), t.version(), t.createdAt(), t.createdBy(), t.changedAt(), t.changedBy(),
                    t.retiredAt());
        }
    }

    public record TemplateList(@Schema(requiredMode = REQUIRED) List<TemplateView> templates) {
    }

    /** What a preview is filled in with; all optional, as on a declaration or an update. */
    public record Preview(@Schema(example = "de") String locale, Map<String, String> values,
                          Map<String, ComponentStatus> components, Instant occurredAt,
                          @Schema(minimum = "1", maximum = "1440") Integer nextUpdateInMinutes,
                          Instant nextUpdateDueAt) {
    }

    public record Filled(@Schema(requiredMode = REQUIRED) String name,
                         @Schema(requiredMode = REQUIRED) TemplateKind kind,
                         @Schema(requiredMode = REQUIRED) String locale,
                         @Schema(description = "null for an update template") String title,
                         @Schema(requiredMode = REQUIRED) String message,
                         @JsonInclude(NON_NULL) Impact impact, @JsonInclude(NON_NULL) IncidentStatus status,
                         @JsonInclude(NON_NULL) Visibility visibility,
                         @Schema(requiredMode = REQUIRED) Map<String, ComponentStatus> components,
                         Integer nextUpdateInMinutes, Instant nextUpdateDueAt) {
    }

    @Operation(summary = "Every template by name, retired ones included and marked", operationId = "listTemplates")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TemplateList.class)))
    @GetMapping
    public ResponseEntity<TemplateList> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TemplateList(queries.all(true).stream().map(TemplateView::of).toList()));
    }

    @Operation(summary = "One template, with its version as ETag", operationId = "getTemplate",
            description = "Reads your own writes: waits up to 5 s for the template view to reach the version the last "
                    + "command on the template answered.")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TemplateView.class)))
    @DocumentedProblems({ProblemType.INVALID_TEMPLATE_NAME, ProblemType.TEMPLATE_NOT_FOUND, ProblemType.VALUE_REQUIRED})
    @GetMapping("/{templateName}")
    public ResponseEntity<TemplateView> template(@PathVariable String templateName) {
        TemplateName.checked("name", templateName);
        // reads the caller's own writes: the view is given a moment to reach the version the event store holds
        Optional<Long> stored = versions.of(TemplateIds.aggregateId(templateName));
        ResponderTemplate template = (stored.isEmpty() ? queries.template(templateName)
                : queries.template(templateName, stored.get(), READ_YOUR_WRITES)).orElseThrow(() -> CommandRejected.notFound("name",
                "template-not-found", "no template is named " + templateName));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.ETAG, CommandResponses.etag(template.version())).body(TemplateView.of(template));
    }

    @Operation(summary = "Fill a template in, as a declaration or an update would, without changing anything",
            operationId = "renderTemplate", description = "The console shows this before a responder sends it.")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Filled.class)))
    @DocumentedProblems({ProblemType.INVALID_TEMPLATE_NAME, ProblemType.TEMPLATE_NOT_FOUND, ProblemType.TEMPLATE_RETIRED,
            ProblemType.INVALID_LOCALE, ProblemType.LOCALE_REQUIRED, ProblemType.UNKNOWN_PLACEHOLDER,
            ProblemType.UNFILLED_PLACEHOLDER, ProblemType.VALUE_REQUIRED, ProblemType.TEXT_REQUIRED,
            ProblemType.TEXT_TOO_LONG, ProblemType.TEXT_UNPAIRED_SURROGATE, ProblemType.NEXT_UPDATE_OUT_OF_RANGE,
            ProblemType.NEXT_UPDATE_AMBIGUOUS})
    @PostMapping(path = "/{templateName}/render", consumes = "application/json")
    public ResponseEntity<Filled> render(@PathVariable String templateName, @RequestBody Preview body) {
        var filled = templates.preview(templateName, new TemplateUse(templateName, body.locale(), body.values()),
                new Templates.Given(null, null, null, null, null, null, body.components(), body.occurredAt(),
                        body.nextUpdateInMinutes(), body.nextUpdateDueAt()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Filled(filled.name(), filled.kind(),
                filled.locale(), filled.title(), filled.message(), filled.impact(), filled.status(),
                filled.visibility(), filled.components() == null ? Map.of() : filled.components(),
                filled.nextUpdateInMinutes(), filled.nextUpdateDueAt()));
    }
}
