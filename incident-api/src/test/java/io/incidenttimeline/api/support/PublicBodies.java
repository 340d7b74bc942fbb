package io.incidenttimeline.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every public body that shows an incident or the page, with its ETag, by path: what an internal event must leave
 * byte for byte as it was. The front page's uptime bars change with the clock alone, so they (and its ETag) are left
 * out.
 */
public final class PublicBodies {

    private static final List<String> FRONT_PAGES = List.of("/", "/?lang=de");
    private static final Pattern UPTIME = Pattern.compile("(?s)<figure class=\"uptime\">.*?</figure>");

    private PublicBodies() {
    }

    public static Map<String, String> of(ApiClient api, String incident) {
        List<String> paths = List.of("/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
                "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/api/public/v1/incidents/" + incident,
                "/incidents/" + incident, "/history.atom", "/history.rss", "/", "/?lang=de");
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : paths) {
            ApiClient.Response response = api.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(200);
            bodies.put(path, FRONT_PAGES.contains(path) ? UPTIME.matcher(response.body()).replaceAll("")
                    : "ETag " + response.header("ETag") + "\n" + response.body());
        }
        return bodies;
    }

    /** Waits until the public view has read every event stored so far, those it has no handler for included. */
    public static void awaitPublicViewAtHead(ApiClient api) {
        long head = publicView(api).get("head").asLong();
        Eventually.until(() -> publicView(api), view -> view.path("position").asLong(-1) >= head,
                "the public view past position " + head);
    }

    private static JsonNode publicView(ApiClient api) {
        for (JsonNode projection : api.get("/api/v1/admin/projections").as(ApiClient.ADMIN).send().json()
                .get("projections")) {
            if (projection.get("name").asText().equals(PublicViewProjection.NAME)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + PublicViewProjection.NAME);
    }
}
