package io.incidenttimeline.api.http.read.responder;

import io.incidenttimeline.api.http.command.CommandResponses;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.web.TimestampParameter;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.projections.responder.IncidentFilter;
import io.incidenttimeline.projections.responder.ResponderIncident;
import io.incidenttimeline.projections.responder.ResponderQueries;
import io.incidenttimeline.projections.responder.ResponderQueries.ComponentState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * For responders and auditors: incidents as the people running them know them, internal updates included. Read
 * from the responder view, which follows the commands asynchronously (usually within milliseconds).
 */
@RestController
@Tag(name = "Responder reads")
public class ResponderIncidentController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** How long a read waits for the view to reach the {@code minVersion} asked for. */
    static final Duration MIN_VERSION_WAIT = Duration.ofSeconds(5);

    private final ResponderQueries queries;
    private final Clock clock;

    public ResponderIncidentController(ResponderQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One page of incidents and the way to the next. */
    @Schema(name = "ResponderIncidentPage")
    public record IncidentPage(List<IncidentSummaryView> incidents,
                               @Schema(description = "pass as cursor for the next page; null on the last") String nextCursor,
                               @Schema(description = "the URL of the next page, or null on the last") String next) {
    }

    @Operation(summary = "An incident as responders know it: every update, internal ones marked, with its history",
            operationId = "responderIncident", description = "The ETag is the incident's version, the value a "
            + "command's If-Match takes. The view follows commands asynchronously: to read one's own write, pass the "
            + "version a command answered (its ETag without quotes) as minVersion, and the read waits up to 5 s for "
            + "the view to reach it; its ETag says which version it shows.")
    @ApiResponse(responseCode = "200", description = "The incident", headers = @Header(name = "ETag",
            description = "the incident's version, for If-Match", schema = @Schema(type = "string")))
    @DocumentedProblems({ProblemType.INCIDENT_NOT_FOUND, ProblemType.INVALID_MIN_VERSION})
    @GetMapping(path = "/api/v1/incidents/{incidentId}", produces = "application/json")
    public ResponseEntity<ResponderIncidentView> incident(
            @PathVariable String incidentId,
            @Parameter(description = "wait (up to 5 s) until the view shows at least this version")
            @RequestParam(required = false) String minVersion) {
        Long atLeast = minVersion(minVersion);
        var found = atLeast == null ? queries.incident(incidentId)
                : queries.incident(incidentId, atLeast, MIN_VERSION_WAIT);
        ResponderIncident incident = found.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "incident-not-found", "id", "no incident with id " + incidentId + " exists"));
        List<ComponentState> catalogue = queries.components();
        return ResponseEntity.ok().eTag(CommandResponses.etag(incident.version()))
                .cacheControl(CacheControl.noStore())
                .body(ResponderIncidentView.of(incident, catalogue.stream().map(ComponentState::component).toList(),
                        clock.instant()));
    }

    @Operation(summary = "Incidents, internal ones included, newest declaration first, with cursor paging",
            operationId = "responderIncidents", description = "Incidents declared at the same instant follow in the "
            + "order of their ids. A cursor marks a position (declaration time and id), not an offset: incidents "
            + "declared meanwhile do not shift the pages still to come.")
    @ApiResponse(responseCode = "200", description = "One page", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IncidentPage.class)))
    @DocumentedProblems({ProblemType.INVALID_PARAMETER, ProblemType.INVALID_CURSOR, ProblemType.INVALID_LIMIT,
            ProblemType.INVALID_TIMESTAMP, ProblemType.EMPTY_TIME_RANGE, ProblemType.INVALID_ID})
    @GetMapping(path = "/api/v1/incidents", produces = "application/json")
    public ResponseEntity<IncidentPage> incidents(
            @Parameter(schema = @Schema(allowableValues = {"open", "resolved"})) @RequestParam(required = false) String status,
            @Parameter(description = "public: on the public page; internal: not (no live public update)",
                    schema = @Schema(allowableValues = {"public", "internal"}))
            @RequestParam(required = false) String visibility,
            @Parameter(description = "incidents that named this component id at any time")
            @RequestParam(required = false) String component,
            @Parameter(description = "declared at or after") @RequestParam(required = false) String from,
            @Parameter(description = "declared before") @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @Parameter(description = "page size, 1-200 (default 50)") @RequestParam(required = false) String limit) {
        Instant start = TimestampParameter.optional("from", from);
        Instant end = TimestampParameter.optional("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-time-range", "to", "to must lie after from");
        }
        var filter = new IncidentFilter(choice("status", status, Map.of("open", false, "resolved", true)),
                choice("visibility", visibility, Map.of("public", true, "internal", false)),
                component == null ? null : Text.id("component", component), start, end);
        var page = queries.incidents(filter, IncidentCursors.decode(cursor), limit(limit));
        Instant now = clock.instant();
        String nextCursor = IncidentCursors.encode(page.next());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new IncidentPage(
                page.incidents().stream().map(i -> IncidentSummaryView.of(i, now)).toList(), nextCursor,
                nextCursor == null ? null : ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("cursor", nextCursor).build().toUriString()));
    }

    private static Boolean choice(String parameter, String value, Map<String, Boolean> allowed) {
        if (value == null) {
            return null;
        }
        Boolean chosen = allowed.get(value);
        if (chosen == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", parameter, parameter + " must be one of "
                    + String.join(", ", allowed.keySet().stream().sorted().toList()));
        }
        return chosen;
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-limit", "limit",
                "limit must be a number between 1 and " + MAX_LIMIT);
    }

    private static Long minVersion(String minVersion) {
        if (minVersion == null) {
            return null;
        }
        try {
            long value = Long.parseLong(minVersion);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-min-version", "minVersion",
                "minVersion must be a version an answer gave (a non-negative number, the ETag without quotes)");
    }
}
