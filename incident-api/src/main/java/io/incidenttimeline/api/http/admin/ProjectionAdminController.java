package io.incidenttimeline.api.http.admin;

import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.Problems;
import io.incidenttimeline.projections.runtime.ProjectionNotFound;
import io.incidenttimeline.projections.runtime.ProjectionReplays;
import io.incidenttimeline.projections.runtime.ProjectionStatus;
import io.incidenttimeline.projections.runtime.ReplayAlreadyRunning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    public Projections projections() {
        return new Projections(replays.statuses());
    }

    @Operation(summary = "Rebuild a projection from the event store beside the current one", operationId = "replayProjection")
    @ApiResponse(responseCode = "202", description = "The rebuild started beside the current read model",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectionStatus.class)))
    @DocumentedProblems({ProblemType.PROJECTION_NOT_FOUND, ProblemType.REPLAY_IN_PROGRESS})
    @PostMapping("/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.replay(name));
    }

    @ExceptionHandler(ProjectionNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ProjectionNotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "projection-not-found", e.getMessage(), request);
    }

    @ExceptionHandler(ReplayAlreadyRunning.class)
    ResponseEntity<ProblemDetail> alreadyRunning(ReplayAlreadyRunning e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "replay-in-progress",
                e.getMessage() + "; follow its progress at GET /api/v1/admin/projections", request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail,
                                                         HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status, type, detail, "name");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Schema(name = "Projections")
    public record Projections(List<ProjectionStatus> projections) {
    }
}
