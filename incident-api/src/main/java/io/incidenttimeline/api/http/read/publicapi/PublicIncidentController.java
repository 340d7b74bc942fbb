package io.incidenttimeline.api.http.read.publicapi;

import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.read.statuspage.PublicReadConfig;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One public incident in the reader's language and time zone: {@code ?lang=de&tz=America/Los_Angeles}. A language it
 * has no text in is answered in its authoritative language, and Content-Language says which one was served.
 */
@RestController
public class PublicIncidentController {

    private final PublicViewQueries queries;
    private final Clock clock;
    private final IncidentNotices notices;

    public PublicIncidentController(PublicViewQueries queries, Clock clock, IncidentNotices notices) {
        this.queries = queries;
        this.clock = clock;
        this.notices = notices;
    }

    @Operation(summary = "A public incident in the reader's language and time zone", operationId = "publicIncident")
    @DocumentedProblems({ProblemType.INCIDENT_NOT_FOUND, ProblemType.INVALID_TIME_ZONE, ProblemType.INVALID_LOCALE, ProblemType.INVALID_ACCEPT_LANGUAGE})
    @GetMapping(path = "/api/public/v1/incidents/{incidentId}", produces = "application/json")
    public ResponseEntity<LocalizedIncident> incident(@PathVariable String incidentId,
                                                        @RequestParam(required = false) String lang,
                                                        @RequestParam(required = false) String tz,
                                                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                                        String acceptLanguage) {
        ReaderPreferences reader = ReaderPreferences.of(lang, acceptLanguage, tz);
        var incident = queries.incident(incidentId).orElseThrow(() -> notFound(incidentId));
        LocalizedIncident localized = LocalizedIncident.render(incident, queries.components(), reader, clock.instant(),
                notices);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, PublicReadConfig.CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, localized.locale()).body(localized);
    }

    public static ApiProblem notFound(String incidentId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "incident-not-found", "id",
                "no public incident with id " + incidentId + " exists");
    }
}
