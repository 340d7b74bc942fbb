package io.incidenttimeline.api.admin;

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

    @GetMapping
    public Map<String, Object> projections() {
        return Map.of("projections", replays.statuses());
    }

    @PostMapping("/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.replay(name));
    }
}
