package io.incidenttimeline.api.http.read.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A post-mortem is published only once the public sees the incident resolved, so it never reveals a resolution. */
class PostMortemBeforeResolutionApiTest extends ApiIntegrationTest {

    private static final Map<String, Object> POST_MORTEM = Map.of("summary", "Checkout failed for an hour.",
            "rootCause", "A certificate expired.", "resolution", "It was renewed.");

    @Test
    void aPostMortemAfterAnInternalOnlyResolutionIsRefusedAndThePublicSeesNeitherUntilAPublicResolution() {
        String incident = ApiClient.uniqueId("pm-internal");
        Incidents.declare(api, Bodies.declaration(incident));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Fixed; announcement pending review."),
                "visibility", "internal"));

        var refused = api.put("/api/v1/incidents/" + incident + "/postmortem").as(ApiClient.RESPONDER).json(POST_MORTEM).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/post-mortem-before-resolution");
        assertThat(refused.json().get("field").asText()).isEqualTo("status");
        assertThat(refused.json().get("detail").asText()).contains("internal");

        JsonNode shown = Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send(),
                r -> r.status() == 200, incident + " in the public view").json();
        assertThat(shown.get("status").asText()).isEqualTo("investigating");
        assertThat(shown.get("postMortem").isNull()).isTrue();
        assertThat(api.get("/incidents/" + incident).send().body()).doesNotContain("class=\"postmortem\"");

        Incidents.post(api, incident, Bodies.update("resolved", "Fixed."));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/postmortem", POST_MORTEM);
        JsonNode resolved = Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send(),
                r -> r.status() == 200 && r.json().get("postMortem").isObject(), "the post-mortem in the public view").json();
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    }
}
