package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /history} over real HTTP: months of public incidents, paged, in the reader's language and zone; an incident
 * older than the front page's 14 days reached from {@code /} by following links; internal incidents neither listed
 * nor counted.
 */
class HistoryPageApiTest extends ApiIntegrationTest {

    private static final String REFERENCE = "/incidents/" + ReferenceIncidentFixture.ID;

    @BeforeEach
    void reference() {
        ReferenceIncidentFixture.loadAndProject(api);
    }

    @Test
    void theReferenceIncidentOfJuly2024IsReachedFromTheFrontPageByFollowingLinks() {
        String front = Html.page(api.get("/").send());
        assertThat(front).as("older than the front page's 14 days").doesNotContain("href=\"" + REFERENCE + "\"");

        String history = Html.page(api.get(href(front, "Incident history")).send());
        assertThat(history).contains("<h1>Incident history</h1>").contains("Page 1 of ");
        String july = Html.page(api.get(href(history, "July 2024")).send());

        assertThat(july).contains("<time datetime=\"2024-07\">July 2024</time>")
                .contains("href=\"" + REFERENCE + "\"").contains(">Call recordings unavailable for some Talk customers</a>")
                .contains(">Major impact</span>")
                .contains("<time datetime=\"2024-07-05T13:31:00Z\">").contains("<time datetime=\"2024-07-05T13:52:00Z\">");
        assertThat(Html.page(api.get(REFERENCE).send())).contains("Call recordings unavailable for some Talk customers");
    }

    @Test
    void pagesHoldThreeMonthsEachAndTheOlderLinksLeadToTheOldestIncident() {
        String page = Html.page(api.get("/history").send());
        int pages = Integer.parseInt(match(page, "Page 1 of (\\d+)"));
        assertThat(Html.texts(page, "<section class=\"history-month\"[^>]*>\\s*<h2[^>]*>", "</h2>")).hasSize(3);
        assertThat(page).doesNotContain("rel=\"prev\"");
        int shown = 1;
        boolean sawJuly = page.contains("datetime=\"2024-07\">July 2024</time></a></h2>");
        while (page.contains("rel=\"next\"")) {
            String older = match(page, "href=\"([^\"]+)\" rel=\"next\"").replace("&amp;", "&");
            page = Html.page(api.get(older).send());
            shown++;
            assertThat(page).contains("Page " + shown + " of " + pages).contains("rel=\"prev\"");
            sawJuly |= page.contains("datetime=\"2024-07\">July 2024</time></a></h2>")
                    && page.contains("href=\"" + REFERENCE + "\"");
        }
        assertThat(shown).as("the last page has no older link").isEqualTo(pages);
        assertThat(sawJuly).as("the reference incident on its month's page").isTrue();

        for (String bad : List.of("page=0", "page=" + (pages + 1), "page=x", "month=2024-13", "month=1969-12",
                "month=2999-01", "month=2024-7", "page=1&month=2024-07")) {
            var answer = api.get("/history?" + bad).send();
            assertThat(answer.status()).as(bad).isEqualTo(400);
            Html.assertHtml(answer);
        }
        assertThat(Html.text(api.get("/history?page=0").send().body())).contains("The parameter page with the value “0”");
        assertThat(api.get("/history?unknown=1").send().status()).isEqualTo(400);
    }

    @Test
    void monthsAreTheReadersInHisLanguageAndZone() {
        String id = ApiClient.uniqueId("history-zone");
        String title = "Late night checkout failures " + id;
        declare(id, title, "2025-01-31T23:30:00Z");

        String utc = Eventually.until(() -> api.get("/history?month=2025-01").send().body(), body -> body.contains(title),
                "the incident in January in UTC");
        assertThat(utc).contains("<time datetime=\"2025-01-31T23:30:00Z\">2025-01-31 23:30 UTC</time>");
        assertThat(api.get("/history?month=2025-02").send().body()).doesNotContain(title);

        String berlin = Html.page(api.get("/history?month=2025-02&lang=de&tz=Europe/Berlin").send());
        assertThat(berlin).as("01:30 on 1 February in Berlin").contains(title)
                .contains("<time datetime=\"2025-02\">Februar 2025</time>").contains("2025-02-01 00:30 CET")
                .contains("Monate mit Vorfällen").contains("href=\"/?lang=de&amp;tz=Europe/Berlin\"");
        assertThat(Html.page(api.get("/history?month=2025-01").header("Cookie", "tz=Europe/Berlin").send()))
                .doesNotContain(title);
    }

    @Test
    void internalIncidentsAreNeitherListedNorCountedAndLeaveThePageByteIdentical() {
        String before = Html.page(api.get("/history?month=2024-07").send());
        String count = match(before, "datetime=\"2024-07\">July 2024</time></a>\\s*<span class=\"count\">([^<]+)</span>");
        var etag = api.get("/history?month=2024-07").send().header("ETag");

        String id = ApiClient.uniqueId("history-internal");
        Map<String, Object> body = new LinkedHashMap<>(Bodies.with(Bodies.declaration(id), "visibility", "internal"));
        body.put("title", "Never public " + id);
        body.put("occurredAt", "2024-07-06T08:00:00Z");
        Incidents.declare(api, body);
        Eventually.until(() -> api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send(),
                r -> r.status() == 200, "the internal incident in the responder view");

        var after = api.get("/history?month=2024-07").send();
        assertThat(after.body()).isEqualTo(before).doesNotContain(id);
        assertThat(after.header("ETag")).isEqualTo(etag);
        assertThat(count).isEqualTo(match(after.body(),
                "datetime=\"2024-07\">July 2024</time></a>\\s*<span class=\"count\">([^<]+)</span>"));
        assertThat(api.get("/history?month=2024-07").header("If-None-Match", etag).send().status()).isEqualTo(304);
    }

    private void declare(String id, String title, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>(Bodies.declaration(id));
        body.put("title", title);
        body.put("occurredAt", occurredAt);
        Incidents.declare(api, body);
    }

    private static String href(String html, String text) {
        Matcher matcher = Pattern.compile("href=\"([^\"]+)\"[^>]*>(?:<time[^>]*>)?" + Pattern.quote(text)).matcher(html);
        assertThat(matcher.find()).as("a link to " + text).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String match(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
