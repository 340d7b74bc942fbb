package io.incidenttimeline.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference incident of PRODUCT.md as the sequence of API requests that tells it, kept in one resource so that
 * the demo profile and the end-to-end test tell exactly the same story.
 */
public final class ReferenceIncident {

    public static final String INCIDENT_ID = "talk-call-recordings-2024-07-05";
    public static final String RESOURCE = "/reference/talk-call-recordings-2024-07-05.json";

    /** @param command the name of the domain command the request sends */
    public record Step(String method, String path, String command, JsonNode body) {
    }

    private ReferenceIncident() {
    }

    public static List<Step> steps(ObjectMapper json) {
        try (InputStream in = ReferenceIncident.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : json.readTree(in).get("steps")) {
                steps.add(new Step(step.get("method").asText(), step.get("path").asText(), step.get("command").asText(),
                        step.get("body")));
            }
            return List.copyOf(steps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
