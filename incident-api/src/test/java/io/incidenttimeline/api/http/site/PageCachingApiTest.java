package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every public page, feed and the stylesheet: validators, 304s, Cache-Control and Vary. */
class PageCachingApiTest extends ApiIntegrationTest {

    private static final List<String> PAGES = List.of("/", "/?lang=de&tz=Europe/Berlin",
            "/incidents/" + ReferenceIncidentFixture.ID + "?lang=de&tz=America/Los_Angeles", "/history.atom",
            "/history.rss", "/assets/status.css", "/history", "/history?month=2024-07&lang=de");

    @BeforeEach
    void reference() {
        ReferenceIncidentFixture.loadAndProject(api);
    }

    /**
     * Other tests in the shared context leave outages open on components minutes old, and the front page's uptime
     * bars of a component changed within the current minute move with every second: a page may change for up to a
     * minute, so the check waits for a quiet stretch a little longer than that.
     */
    @Test
    void everyPageAnswersIfNoneMatchAndIfModifiedSinceWith304() {
        for (String path : PAGES) {
            Eventually.until(() -> validatorsHoldWhileUnchanged(path), held -> held,
                    path + " answering its own validators with 304 while it stays unchanged", Duration.ofSeconds(75));
        }
    }

    @Test
    void pagesVaryWithTheReadersLanguageAndCookieAndTheirValidatorsDiffer() {
        String path = "/incidents/" + ReferenceIncidentFixture.ID;
        var english = api.get(path).send();
        var german = api.get(path).header("Accept-Language", "de").send();
        var losAngeles = api.get(path).header("Cookie", "tz=America/Los_Angeles").send();
        for (ApiClient.Response response : List.of(english, german, losAngeles)) {
            assertThat(response.header("Cache-Control")).isEqualTo("public, no-cache");
            assertThat(String.join(", ", response.raw().headers().allValues("Vary")))
                    .contains("Accept-Language").contains("Cookie");
        }
        assertThat(german.header("ETag")).isNotEqualTo(english.header("ETag"));
        assertThat(losAngeles.header("ETag")).isNotEqualTo(english.header("ETag"));
        assertThat(api.get(path).header("Accept-Language", "de").header("If-None-Match", english.header("ETag")).send()
                .status()).as("another language is another representation").isEqualTo(200);

        var feed = api.get("/history.atom").send();
        assertThat(feed.raw().headers().allValues("Vary")).noneMatch(v -> v.contains("Cookie") || v.contains("Accept-Language"));
    }

    @Test
    void aNewUpdateChangesTheValidatorsSoOldOnesNoLongerMatch() {
        String incident = ApiClient.uniqueId("cached");
        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "occurredAt", declared.toString()));
        String path = "/incidents/" + incident;
        var before = Eventually.until(() -> api.get(path).send(), r -> r.status() == 200, "the incident's page");

        Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "A later update."), "occurredAt",
                declared.plus(Duration.ofMinutes(2)).toString()));
        var after = Eventually.until(() -> api.get(path).header("If-None-Match", before.header("ETag")).send(),
                r -> r.status() == 200, "a new ETag once the update is shown");
        assertThat(after.body()).contains("A later update.");
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(api.get(path).header("If-Modified-Since", before.header("Last-Modified")).send().status())
                .as("Last-Modified moved on with the update").isEqualTo(200);
        assertThat(api.get(path).header("If-None-Match", after.header("ETag")).send().status()).isEqualTo(304);
    }

    /**
     * One round of conditional requests on {@code path}. The context is shared, and a page may really change between two
     * requests (uptime figures move with the clock while an earlier test's component is in an outage): a 200 whose
     * representation differs from the one validated says nothing, and the round is tried again (false). A 200 for the
     * very representation that was validated fails the test.
     */
    private boolean validatorsHoldWhileUnchanged(String path) {
        var first = api.get(path).send();
        assertThat(first.status()).as(path).isEqualTo(200);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).as(path).matches("(W/)?\"[^\"]+\"");
        assertThat(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)).as(path).isNotNull();
        assertThat(first.header("Cache-Control")).as(path).contains("public");

        var unchanged = api.get(path).header("If-None-Match", etag).send();
        if (unchanged.status() == 200 && !etag.equals(unchanged.header("ETag"))) {
            return false;
        }
        assertThat(unchanged.status()).as(path + " If-None-Match").isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).as(path).isEqualTo(etag);
        assertThat(api.get(path).header("If-None-Match", "\"something-else\"").send().status()).as(path).isEqualTo(200);

        var notModified = api.get(path).header("If-Modified-Since", lastModified).send();
        if (notModified.status() == 200 && !etag.equals(notModified.header("ETag"))) {
            return false;
        }
        assertThat(notModified.status()).as(path + " If-Modified-Since").isEqualTo(304);
        assertThat(api.get(path).header("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").send().status())
                .as(path).isEqualTo(200);
        return true;
    }
}
