package io.incidenttimeline.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.demo.ReferenceIncident;
import java.util.List;

/**
 * Tells the reference incident through the HTTP API, once per test run: every step carries a fixed idempotency key,
 * so whichever test comes first stores it and the others get the recorded answers.
 */
public final class ReferenceIncidentFixture {

    public static final String ID = ReferenceIncident.INCIDENT_ID;
    public static final String CORRELATION_ID = "reference-incident-test";

    private ReferenceIncidentFixture() {
    }

    public static void load(ApiClient api) {
        List<ReferenceIncident.Step> steps = ReferenceIncident.steps(new ObjectMapper());
        for (int i = 0; i < steps.size(); i++) {
            ReferenceIncident.Step step = steps.get(i);
            // the step's place in the story is part of its key: two updates are posted to the same path
            var response = api.call(step.method(), step.path()).as(ApiClient.ADMIN)
                    .header("Idempotency-Key", "reference-" + (i + 1) + "-" + step.path().hashCode() + "-" + step.method())
                    .header("X-Correlation-Id", CORRELATION_ID).json(step.body().toString()).send();
            assertThat(response.status()).as(step.method() + " " + step.path() + " -> " + response).isBetween(200, 201);
        }
    }

    /** Loads the reference incident and waits until the public view shows its German translation. */
    public static void loadAndProject(ApiClient api) {
        load(api);
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + ID + "?lang=de").send(),
                r -> r.status() == 200 && r.json().get("locale").asText().equals("de")
                        && r.json().get("postMortem").isObject(), "the reference incident in the public view");
    }
}
