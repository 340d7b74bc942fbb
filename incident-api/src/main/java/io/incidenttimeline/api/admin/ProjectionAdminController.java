package io.incidenttimeline.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.api.openapi.DocumentedProblems;
import io.incidenttimeline.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Replaying projections, for admins: start a rebuild, and follow every projection's progress. */
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = {"application/json", "application/problem+json"})
public class ProjectionAdminController {

    private final ProjectionReplays replays;

    public ProjectionAdminController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @Operation(summary = "Every projection with its generation, position and progress", operationId = "listProjections")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Projections.class)))
    @GetMapping
    public Map<String, Object> projections() {
        return Map.of("projections", replays.statuses());
    }

    @Operation(summary = "Rebuild a projection from the event store beside the current one", operationId = "replayProjection")
    @ApiResponse(responseCode = "202", description = "The rebuild started beside the current read model",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectionStatus.class)))
    @DocumentedProblems({ProblemType.PROJECTION_NOT_FOUND, ProblemType.REPLAY_IN_PROGRESS})
    @PostMapping("/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.replay(name));
    }

    @Schema(name = "Projections")
    record Projections(java.util.List<ProjectionStatus> projections) {
    }
}
