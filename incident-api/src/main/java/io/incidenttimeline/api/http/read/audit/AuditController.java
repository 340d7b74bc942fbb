package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.api.statuspage.Statuspage;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.read.publicapi.IncidentNotices;
import io.incidenttimeline.api.http.read.publicapi.LocalizedIncident;
import io.incidenttimeline.api.http.read.publicapi.ReaderPreferences;
import io.incidenttimeline.api.statuspage.StatuspageDocuments;
import io.incidenttimeline.api.http.infra.web.TimestampParameter;
import io.incidenttimeline.projections.audit.AuditEntry;
import io.incidenttimeline.projections.audit.AuditFilter;
import io.incidenttimeline.projections.audit.AuditPage;
import io.incidenttimeline.projections.audit.AuditTrailQueries;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * For auditors: the audit trail, paged by cursor, and the public view of any past moment, computed by folding the
 * events recorded up to that moment with the same code as the live view.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = "application/json")
public class AuditController {

    static final int DEFAULT_LIMIT = 100;

    private final AuditTrailQueries trail;
    private final PublicViewQueries publicView;
    private final StatuspageDocuments statuspage;
    private final RecordedHistory history;
    private final IncidentNotices notices;

    public AuditController(AuditTrailQueries trail, PublicViewQueries publicView, StatuspageDocuments statuspage,
                           RecordedHistory history, IncidentNotices notices) {
        this.trail = trail;
        this.publicView = publicView;
        this.statuspage = statuspage;
        this.history = history;
        this.notices = notices;
    }

    @Operation(summary = "The audit trail: one entry per stored event, filtered, with cursor paging", operationId = "auditEvents")
    @DocumentedProblems({ProblemType.INVALID_CURSOR, ProblemType.INVALID_LIMIT, ProblemType.INVALID_TIMESTAMP,
            ProblemType.TEXT_REQUIRED, ProblemType.TEXT_TOO_LONG, ProblemType.TEXT_CONTROL_CHARACTERS})
    @GetMapping("/events")
    public AuditEvents events(@RequestParam(required = false) String incident,
                              @RequestParam(required = false) String actor,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(required = false) String after,
                              @RequestParam(required = false) String limit) {
        // the same rules as the texts commands carry, so every database answers the same to a NUL or an essay
        var filter = new AuditFilter(Text.optional("incident", incident, Text.ID_MAX),
                Text.optional("actor", actor, Text.NAME_MAX), Text.optional("type", type, Text.NAME_MAX),
                instant("from", from), instant("to", to));
        AuditPage page = trail.page(filter, cursor(after), limit(limit));
        return new AuditEvents(page.entries(), page.nextAfter(), page.nextAfter() == null ? null
                : ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("after", page.nextAfter()).build()
                .toUriString());
    }

    @Operation(summary = "An incident's public view exactly as it was at a recorded time", operationId = "auditPublicViewAsOf")
    @DocumentedProblems({ProblemType.INVALID_TIMESTAMP, ProblemType.PARAMETER_REQUIRED, ProblemType.INCIDENT_NOT_PUBLIC, ProblemType.NO_HISTORY_BEFORE, ProblemType.INVALID_TIME_ZONE, ProblemType.INVALID_LOCALE})
    @GetMapping("/incidents/{incidentId}/public-view")
    public ResponseEntity<LocalizedIncident.AsOf> publicView(@PathVariable String incidentId,
                                                             @RequestParam(required = false) String asOf,
                                          @RequestParam(required = false) String lang,
                                          @RequestParam(required = false) String tz) {
        Instant moment = required("asOf", asOf);
        ReaderPreferences reader = ReaderPreferences.of(lang, null, tz);
        history.require(moment);
        var incident = publicView.incidentAsOf(incidentId, moment).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "incident-not-public", "asOf", "incident " + incidentId + " was not on the public page at " + moment));
        LocalizedIncident localized = LocalizedIncident.render(incident, publicView.componentsAsOf(moment), reader, moment,
                notices);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, localized.locale())
                .body(new LocalizedIncident.AsOf(moment, localized));
    }

    @Operation(summary = "The Statuspage summary exactly as it was at a recorded time", operationId = "auditSummaryAsOf")
    @DocumentedProblems({ProblemType.INVALID_TIMESTAMP, ProblemType.PARAMETER_REQUIRED, ProblemType.NO_HISTORY_BEFORE})
    @GetMapping("/summary")
    public Statuspage.SummaryAsOf summary(@RequestParam(required = false) String asOf) {
        Instant moment = required("asOf", asOf);
        history.require(moment);
        PageView view = publicView.pageAsOf(moment);
        return new Statuspage.SummaryAsOf(statuspage.time(moment), statuspage.summary(view));
    }

    private static Instant required(String field, String value) {
        return TimestampParameter.required(field, value);
    }

    private static Instant instant(String field, String value) {
        return TimestampParameter.optional(field, value);
    }

    private static long cursor(String after) {
        if (after == null) {
            return -1;
        }
        try {
            long position = Long.parseLong(after);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "after",
                "after must be the nextAfter value of a previous page (a non-negative number)");
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= AuditTrailQueries.MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-limit", "limit",
                "limit must be a number between 1 and " + AuditTrailQueries.MAX_PAGE);
    }

    /** One page of the audit trail and the way to the next. */
    @Schema(name = "AuditPage")
    record AuditEvents(List<AuditEntry> events, Long nextAfter,
                       @Schema(description = "the URL of the next page, or null at the end") String next) {
    }
}
