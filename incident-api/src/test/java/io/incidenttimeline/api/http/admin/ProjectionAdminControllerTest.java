package io.incidenttimeline.api.http.admin;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.incidenttimeline.projections.runtime.ProjectionNotFound;
import io.incidenttimeline.projections.runtime.ProjectionReplays;
import io.incidenttimeline.projections.runtime.ReplayAlreadyRunning;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The runtime's refusals of a replay, as the HTTP layer answers them. */
class ProjectionAdminControllerTest {

    private final ProjectionReplays replays = mock(ProjectionReplays.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ProjectionAdminController(replays)).build();

    @Test
    void aReplayOfAProjectionBeingRebuiltIsAConflictNamingTheField() throws Exception {
        when(replays.replay("public-view")).thenThrow(new ReplayAlreadyRunning("public-view"));

        mvc.perform(post("/api/v1/admin/projections/public-view/replay"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/replay-in-progress"))
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value("public-view is being rebuilt already; follow its progress at "
                        + "GET /api/v1/admin/projections"))
                .andExpect(jsonPath("$.instance").value("/api/v1/admin/projections/public-view/replay"));
    }

    @Test
    void aReplayOfAnUnknownProjectionIsNotFoundListingTheKnownOnes() throws Exception {
        when(replays.replay("nope")).thenThrow(new ProjectionNotFound("nope", Set.of("audit-trail")));

        mvc.perform(post("/api/v1/admin/projections/nope/replay"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/projection-not-found"))
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value("no projection named nope; known are audit-trail"));
    }
}
