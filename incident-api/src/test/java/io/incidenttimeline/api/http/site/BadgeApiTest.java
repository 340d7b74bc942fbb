package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /badge.svg} over real HTTP: the overall or one component's status as a small accessible SVG. */
class BadgeApiTest extends ApiIntegrationTest {

    @Test
    void aComponentsBadgeShowsItsStatusInThePagesColoursAndIsCachedLikeThePage() {
        String run = ApiClient.uniqueId("badge");
        String component = run + "-api";
        Incidents.defineComponent(api, component, "Public API " + run, "Badges " + run, 1);
        String path = "/badge.svg?component=" + component;
        var operational = Eventually.until(() -> api.get(path).send(), r -> r.status() == 200, "the component's badge");

        assertThat(operational.header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(operational.header("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(operational.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(operational.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
        assertThat(operational.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("role=\"img\" aria-label=\"Public API " + run + ": Operational\"")
                .contains("<title>Public API " + run + ": Operational</title>")
                .contains("fill=\"#1a7f37\"").hasSizeLessThan(1_000).doesNotContain("<script");
        String etag = operational.header("ETag");
        assertThat(api.get(path).header("If-None-Match", etag).send().status()).isEqualTo(304);

        String hidden = run + "-internal";
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(hidden), "visibility", "internal"),
                "components", Map.of(component, "major_outage")), "title", "Internal only " + run));
        Eventually.until(() -> api.get("/api/v1/incidents/" + hidden).as(ApiClient.RESPONDER).send(),
                r -> r.status() == 200, "the internal incident in the responder view");
        var unchanged = api.get(path).send();
        assertThat(unchanged.body()).as("internal content never moves the badge").isEqualTo(operational.body());
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        // backdated, so that the component's uptime (since the outage began) stays put while other tests read the page
        String open = run + "-open";
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(open), "components",
                Map.of(component, "partial_outage")), "title", "Public API errors " + run),
                "occurredAt", Instant.now().minus(Duration.ofDays(10)).toString()));
        String partial = Eventually.until(() -> api.get(path).send().body(), body -> body.contains("Partial outage"),
                "the partial outage on the badge");
        assertThat(partial).contains("fill=\"#bc4c00\"").contains(": Partial outage</title>");
        assertThat(api.get(path).header("If-None-Match", etag).send().status()).isEqualTo(200);
        assertThat(api.get(path + "&lang=de").send().body()).contains(": Teilweiser Ausfall</title>");
    }

    @Test
    void theOverallBadgeSaysWhatTheBannerSaysAndAnUnknownComponentIsA404Problem() {
        var overall = api.get("/badge.svg").send();
        assertThat(overall.status()).isEqualTo(200);
        String banner = Html.texts(api.get("/").send().body(), "<p id=\"overall\"[^>]*>", "</p>").get(0);
        assertThat(overall.body()).contains("<title>Status: " + banner + "</title>");

        var unknown = api.get("/badge.svg?component=no-such-component").send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("field").asText()).isEqualTo("component");
        assertThat(unknown.json().get("type").asText()).endsWith("/problems/not-found");
        assertThat(api.get("/badge.svg?lang=x%20y").send().status()).isEqualTo(400);
        assertThat(api.get("/badge.svg?style=flat").send().status()).isEqualTo(400);
    }
}
