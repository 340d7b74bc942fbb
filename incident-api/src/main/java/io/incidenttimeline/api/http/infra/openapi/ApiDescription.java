package io.incidenttimeline.api.http.infra.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.demo.ReferenceIncident;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.security.AccessRules;
import io.incidenttimeline.api.http.infra.web.QueryParameterCheck;
import io.incidenttimeline.api.http.infra.security.Role;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Completes the generated description with what the code decides elsewhere: each operation's role (from
 * {@link AccessRules}), the concurrency headers of commands, every problem type each operation can return (from
 * {@link ProblemType} and {@link DocumentedProblems}), and the reference incident's requests as examples.
 */
@Component
class ApiDescription implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearerToken";
    static final String WEBHOOK_BASIC = "webhookBasicAuth";

    private static final Set<ProblemType> AUTHENTICATED = EnumSet.of(ProblemType.AUTHENTICATION_REQUIRED,
            ProblemType.INVALID_TOKEN, ProblemType.FORBIDDEN);
    private static final Set<ProblemType> WITH_BODY = EnumSet.of(ProblemType.MALFORMED_BODY, ProblemType.UNKNOWN_FIELD,
            ProblemType.DUPLICATE_FIELD, ProblemType.INVALID_FIELD, ProblemType.PAYLOAD_TOO_LARGE,
            ProblemType.UNSUPPORTED_MEDIA_TYPE);
    private static final Set<ProblemType> COMMAND = EnumSet.of(ProblemType.INVALID_IDEMPOTENCY_KEY,
            ProblemType.INVALID_CORRELATION_ID, ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
            ProblemType.CONCURRENT_MODIFICATION, ProblemType.TEXT_REQUIRED, ProblemType.TEXT_TOO_LONG,
            ProblemType.TEXT_CONTROL_CHARACTERS, ProblemType.TEXT_UNPAIRED_SURROGATE, ProblemType.VALUE_REQUIRED,
            ProblemType.INVALID_ID, ProblemType.TIME_IN_FUTURE, ProblemType.TIME_OUT_OF_RANGE);
    private static final Set<ProblemType> ON_AN_INCIDENT = EnumSet.of(ProblemType.NOT_FOUND,
            ProblemType.INVALID_IF_MATCH, ProblemType.VERSION_MISMATCH, ProblemType.OCCURRED_BEFORE_INCIDENT);
    private static final Set<ProblemType> ON_A_MAINTENANCE = EnumSet.of(ProblemType.NOT_FOUND,
            ProblemType.INVALID_IF_MATCH, ProblemType.VERSION_MISMATCH);

    private final Map<String, JsonNode> examples;

    ApiDescription(ObjectMapper json) {
        this.examples = ReferenceIncident.steps(json).stream().collect(Collectors.toMap(
                step -> step.method() + " " + template(step.path()), ReferenceIncident.Step::body, (a, b) -> a));
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        var rule = AccessRules.ruleFor(method.name(), path.replaceAll("\\{[^}]+}", "x"));
        List<Role> roles = rule.map(AccessRules.Rule::roles).orElse(List.of());
        Set<ProblemType> problems = EnumSet.of(ProblemType.INTERNAL_ERROR, ProblemType.NOT_ACCEPTABLE,
                ProblemType.STORAGE_UNAVAILABLE, ProblemType.INVALID_HEADER, ProblemType.UNKNOWN_PARAMETER);
        if (method == PathItem.HttpMethod.GET && path.startsWith(QueryParameterCheck.STATUSPAGE_API)) {
            operation.addParametersItem(new QueryParameter().name(QueryParameterCheck.CACHE_BUSTING).required(false)
                    .description("Ignored: lets a widget defeat caches, as jQuery's cache: false does")
                    .schema(new StringSchema()));
        }
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            problems.add(ProblemType.BAD_REQUEST);
            problems.add(ProblemType.TEXT_CONTROL_CHARACTERS);
        }
        if (method == PathItem.HttpMethod.GET && (path.startsWith("/api/v2/") || path.startsWith("/api/public/"))) {
            cacheable(operation.getResponses());
        }
        if (!roles.isEmpty()) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            if (path.startsWith("/api/v1/webhooks/")) {
                operation.addSecurityItem(new SecurityRequirement().addList(WEBHOOK_BASIC));
            }
            operation.addExtension("x-roles", roles.stream().map(Role::wire).toList());
            operation.setDescription(join(operation.getDescription(), "Needs a bearer token with the role "
                    + roles.stream().map(Role::wire).collect(Collectors.joining(" or "))
                    + " (an admin may do everything)."));
            problems.addAll(AUTHENTICATED);
            if (method != PathItem.HttpMethod.GET && path.startsWith("/api/v1/")) {
                problems.add(ProblemType.RATE_LIMITED);
            }
        } else {
            // public: explicitly no authentication needed, but credentials that are presented must be valid
            operation.addSecurityItem(new SecurityRequirement());
            problems.add(ProblemType.INVALID_TOKEN);
        }
        if (operation.getRequestBody() != null) {
            problems.addAll(WITH_BODY);
            JsonNode example = examples.get(method.name() + " " + path);
            if (example != null) {
                operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
            }
        }
        if (CommandOperations.isCommand(operation)) {
            problems.addAll(COMMAND);
            if (path.contains("{incidentId}")) {
                problems.addAll(ON_AN_INCIDENT);
                ifMatch(operation, "incident");
            } else if (path.contains("{maintenanceId}")) {
                problems.addAll(ON_A_MAINTENANCE);
                ifMatch(operation, "maintenance");
            }
            successHeaders(operation.getResponses());
        }
        CommandOperations.documentedProblems(operation).forEach(name -> problems.add(ProblemType.valueOf(name)));
        if (operation.getExtensions() != null) {
            operation.getExtensions().remove(CommandOperations.PROBLEMS);
            operation.getExtensions().remove(CommandOperations.COMMAND);
        }
        problemResponses(operation, problems);
    }

    private static void ifMatch(Operation operation, String aggregate) {
        operation.addParametersItem(new HeaderParameter().name("If-Match")
                .description("The ETag of an earlier answer (the " + aggregate + "'s version, such as \"5\"), or a "
                        + "list of them, or * for any version: the command is refused with 412 and nothing is written "
                        + "if none is the " + aggregate + "'s current version (compared strongly: a W/ tag never "
                        + "matches). An empty If-Match is a 400.")
                .schema(new StringSchema().pattern("^[ \\t]*(\\*|[, \\t]*(W/)?\"[^\"]*\""
                        + "([ \\t]*,([ \\t]*(W/)?\"[^\"]*\")?)*)[ \\t]*$")));
    }

    /** Public reads carry a strong ETag of their body and answer a matching If-None-Match with 304. */
    private static void cacheable(ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        if (ok != null) {
            ok.addHeaderObject("ETag", new Header().description("strong validator of this body").schema(new StringSchema()));
            ok.addHeaderObject("Cache-Control", new Header().description("how long caches may keep it")
                    .schema(new StringSchema()));
        }
        responses.addApiResponse("304", new ApiResponse().description("Not Modified: the If-None-Match ETag is current"));
    }

    private static void successHeaders(ApiResponses responses) {
        responses.forEach((code, response) -> {
            if (code.startsWith("2")) {
                response.addHeaderObject("ETag", new Header().description("The version of the incident (or "
                        + "maintenance, or component) after the command, for If-Match").schema(new StringSchema()));
                response.addHeaderObject("Idempotent-Replayed", new Header()
                        .description("true when this is the stored answer to an earlier request with the same "
                                + "Idempotency-Key").schema(new StringSchema()._enum(List.of("true"))));
                if (code.equals("201")) {
                    response.addHeaderObject("Location", new Header().description("Where the created resource lives")
                            .schema(new StringSchema()));
                }
            }
        });
    }

    private static void problemResponses(Operation operation, Set<ProblemType> problems) {
        Map<HttpStatus, List<ProblemType>> byStatus = new TreeMap<>();
        problems.forEach(type -> byStatus.computeIfAbsent(type.status(), s -> new ArrayList<>()).add(type));
        byStatus.forEach((status, types) -> {
            Schema<?> schema = problemSchema().addProperty("type", new StringSchema()
                    .description("stable problem type, /problems/<slug>")
                    ._enum(types.stream().map(ProblemType::uri).toList()));
            String description = types.stream().map(t -> "`" + t.slug() + "`: " + t.summary())
                    .collect(Collectors.joining("; "));
            ApiResponse response = new ApiResponse().description(status.getReasonPhrase() + ". " + description)
                    .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
            if (status == HttpStatus.TOO_MANY_REQUESTS) {
                response.addHeaderObject("Retry-After", new Header().description("seconds until the token may send again")
                        .schema(new IntegerSchema()));
            }
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                response.addHeaderObject("Retry-After", new Header().description("seconds to wait before retrying; "
                        + "retry a command with the same Idempotency-Key").schema(new IntegerSchema()));
            }
            operation.getResponses().addApiResponse(String.valueOf(status.value()), response);
        });
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("stable problem type, /problems/<slug>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what went wrong and what to do about it"))
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the offending field or header, where there is one"))
                .addProperty("firstRecordedAt", new StringSchema().format("date-time").description("no-history-before "
                        + "only: when the first event was recorded, the earliest asOf there is a history for"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static String template(String concretePath) {
        return concretePath.replaceFirst("^/api/v1/incidents/[^/]+/", "/api/v1/incidents/{incidentId}/")
                .replaceFirst("/lifecycle/[^/]+$", "/lifecycle/{moment}");
    }

    private static String join(String existing, String addition) {
        return existing == null || existing.isBlank() ? addition : existing + "\n\n" + addition;
    }
}
