package io.incidenttimeline.api.http.read.statuspage;

import io.incidenttimeline.api.statuspage.Statuspage;
import io.incidenttimeline.api.statuspage.StatuspageCache;
import io.incidenttimeline.api.statuspage.StatuspageDocuments;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.projections.maintenance.MaintenanceQueries;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** Statuspage's public API v2, same paths and shapes, so existing clients and widgets work against our base URL. */
@RestController
@RequestMapping(path = "/api/v2", produces = "application/json")
public class StatuspageController {

    private final PublicViewQueries queries;
    private final MaintenanceQueries maintenances;
    private final StatuspageDocuments documents;
    private final StatuspageCache cache;

    public StatuspageController(PublicViewQueries queries, MaintenanceQueries maintenances,
                                StatuspageDocuments documents, StatuspageCache cache) {
        this.queries = queries;
        this.maintenances = maintenances;
        this.documents = documents;
        this.cache = cache;
    }

    @Operation(summary = "Statuspage summary: page, components, unresolved incidents, maintenances, status", operationId = "statuspageSummary")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.Summary.class)))
    @GetMapping("/summary.json")
    public ResponseEntity<byte[]> summary(ServletWebRequest request) {
        return serve(request, "summary", () -> documents.summary(queries.page()));
    }

    @Operation(summary = "Statuspage top-level status", operationId = "statuspageStatus")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.StatusDocument.class)))
    @GetMapping("/status.json")
    public ResponseEntity<byte[]> status(ServletWebRequest request) {
        return serve(request, "status", () -> {
            PageView view = queries.page();
            return new Statuspage.StatusDocument(documents.page(view.updatedAt()), documents.status(view));
        });
    }

    @Operation(summary = "Statuspage components with their current status", operationId = "statuspageComponents")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.Components.class)))
    @GetMapping("/components.json")
    public ResponseEntity<byte[]> components(ServletWebRequest request) {
        return serve(request, "components", () -> {
            PageView view = queries.page();
            return new Statuspage.Components(documents.page(view.updatedAt()), documents.components(view));
        });
    }

    @Operation(summary = "Statuspage incidents: the 50 most recent", operationId = "statuspageIncidents")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.Incidents.class)))
    @GetMapping("/incidents.json")
    public ResponseEntity<byte[]> incidents(ServletWebRequest request) {
        return serve(request, "incidents", () -> incidentList(queries.recentIncidents()));
    }

    @Operation(summary = "Statuspage unresolved incidents", operationId = "statuspageUnresolvedIncidents")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.Incidents.class)))
    @GetMapping("/incidents/unresolved.json")
    public ResponseEntity<byte[]> unresolvedIncidents(ServletWebRequest request) {
        return serve(request, "unresolved", () -> incidentList(queries.page().unresolved()));
    }

    @Operation(summary = "Statuspage scheduled maintenances: the 50 most recently announced, whatever their status",
            operationId = "statuspageScheduledMaintenances")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.ScheduledMaintenances.class)))
    @GetMapping("/scheduled-maintenances.json")
    public ResponseEntity<byte[]> scheduledMaintenances(ServletWebRequest request) {
        return serve(request, "maintenances", () -> maintenanceList(maintenances.recent()));
    }

    @Operation(summary = "Statuspage upcoming scheduled maintenances: announced and not started, soonest first",
            operationId = "statuspageUpcomingMaintenances")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.ScheduledMaintenances.class)))
    @GetMapping("/scheduled-maintenances/upcoming.json")
    public ResponseEntity<byte[]> upcomingMaintenances(ServletWebRequest request) {
        return serve(request, "maintenances-upcoming", () -> maintenanceList(maintenances.upcoming()));
    }

    @Operation(summary = "Statuspage active scheduled maintenances: those in progress", operationId = "statuspageActiveMaintenances")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Statuspage.ScheduledMaintenances.class)))
    @GetMapping("/scheduled-maintenances/active.json")
    public ResponseEntity<byte[]> activeMaintenances(ServletWebRequest request) {
        return serve(request, "maintenances-active", () -> maintenanceList(maintenances.inProgress()));
    }

    private Statuspage.ScheduledMaintenances maintenanceList(List<PublicMaintenance> listed) {
        PageView view = queries.page();
        return new Statuspage.ScheduledMaintenances(documents.page(view.updatedAt()),
                listed.stream().map(m -> documents.maintenance(m, view)).toList());
    }

    private Statuspage.Incidents incidentList(List<PublicIncident> incidents) {
        PageView view = queries.page();
        return new Statuspage.Incidents(documents.page(view.updatedAt()),
                incidents.stream().map(i -> documents.incident(i, view)).toList());
    }

    /**
     * Sends the cached bytes of a document with their ETag, or 304 if the client has them already. The ETag is the
     * document's own, so the response is not buffered a second time to compute one.
     */
    private ResponseEntity<byte[]> serve(ServletWebRequest request, String name, Supplier<Object> compute) {
        StatuspageCache.Document document = cache.get(name, compute);
        ShallowEtagHeaderFilter.disableContentCaching(request.getRequest());
        if (request.checkNotModified(document.etag())) {
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(document.etag())
                .header(HttpHeaders.CACHE_CONTROL, PublicReadConfig.CACHE_CONTROL).body(document.body());
    }

}
