package io.incidenttimeline.api.http.read.publicapi;

import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.read.statuspage.PublicReadConfig;
import io.incidenttimeline.projections.maintenance.MaintenanceQueries;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One scheduled maintenance with every time in the reader's zone: {@code ?tz=America/Los_Angeles}. */
@RestController
public class PublicMaintenanceController {

    private final MaintenanceQueries maintenances;
    private final PublicViewQueries publicView;

    public PublicMaintenanceController(MaintenanceQueries maintenances, PublicViewQueries publicView) {
        this.maintenances = maintenances;
        this.publicView = publicView;
    }

    @Operation(summary = "A scheduled maintenance in the reader's time zone", operationId = "publicMaintenance")
    @DocumentedProblems({ProblemType.MAINTENANCE_NOT_FOUND, ProblemType.INVALID_TIME_ZONE})
    @GetMapping(path = "/api/public/v1/maintenances/{maintenanceId}", produces = "application/json")
    public ResponseEntity<LocalizedMaintenance> maintenance(@PathVariable String maintenanceId,
                                                           @RequestParam(required = false) String tz) {
        var zone = ReaderPreferences.of(null, null, tz).zone();
        var maintenance = maintenances.maintenance(maintenanceId).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "maintenance-not-found", "id", "no maintenance with id " + maintenanceId + " exists"));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, PublicReadConfig.CACHE_CONTROL)
                .body(LocalizedMaintenance.render(maintenance, publicView.page(), zone));
    }
}
