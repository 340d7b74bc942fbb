package io.incidenttimeline.api.console.incident;

import static io.incidenttimeline.api.console.incident.ConsoleIncidentPages.entry;
import static io.incidenttimeline.api.console.incident.ConsoleIncidentPages.section;
import static io.incidenttimeline.api.console.incident.ConsoleIncidentPages.stamped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /console/incidents/{id}}: the timeline as responders know it, the preview, role limits, the 404 page. */
class ConsoleIncidentPageTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void theTimelineMarksAnInternalUpdateInternalAndThePublicPageDoesNotShowIt() {
        String id = ApiClient.uniqueId("console-page-internal");
        Incidents.declare(api, Bodies.declaration(id));
        var posted = Incidents.post(api, id, Bodies.with(Bodies.update("identified",
                "Internal note: the cache node db-7 is the suspect " + id), "visibility", "internal"));
        String updateId = posted.json().get("updateId").asText();
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);

        String page = Eventually.until(() -> browser.get("/console/incidents/" + id).body(),
                body -> body.contains("the cache node db-7"), "the internal update on the console");

        assertThat(entry(page, updateId)).contains("tag--internal").contains(">internal<")
                .contains("Internal note: the cache node db-7 is the suspect " + id);
        String publicPage = Eventually.until(() -> api.get("/incidents/" + id).send().body(),
                body -> body.contains("We are investigating failed checkouts."), "the public page");
        assertThat(publicPage).doesNotContain("db-7");
    }

    @Test
    void aPreviewShowsTheUpdateAsThePublicPageRendersItAndStoresNothing() {
        String id = ApiClient.uniqueId("console-preview");
        Incidents.declare(api, Bodies.declaration(id));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var page = opened(browser, id);
        long before = api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send().json()
                .get("version").asLong();

        var preview = browser.post("/console/incidents/" + id + "/updates", stamped(page, "action", "preview",
                "status", "monitoring", "message", "A fix is rolling out <b>now</b>.", "impact", "minor",
                "visibility", "public", "nextUpdateInMinutes", "45"));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        String box = section(preview.body(), "preview");
        assertThat(box).contains("class=\"update\"").contains("status-tag--monitoring").contains(">Monitoring<")
                .contains("<p class=\"update__body\">A fix is rolling out &lt;b&gt;now&lt;/b&gt;.</p>")
                .contains("Next update promised by")
                .as("outcomes are off on the public page by default, so in its preview too").doesNotContain("still due");
        assertThat(section(preview.body(), "post-update")).contains("A fix is rolling out &lt;b&gt;now&lt;/b&gt;.</textarea>");
        assertThat(api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send().json()
                .get("version").asLong()).as("nothing stored by a preview").isEqualTo(before);
        assertThat(api.get("/incidents/" + id).send().body()).doesNotContain("A fix is rolling out");
    }

    @Test
    void aPreviewRendersTheSameMarkupAsThePublicPageOnceTheUpdateIsPosted() {
        String id = ApiClient.uniqueId("console-preview-same");
        Incidents.declare(api, Bodies.declaration(id));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var page = opened(browser, id);
        String message = "Payments recovered after the failover " + id;

        var preview = browser.post("/console/incidents/" + id + "/updates", stamped(page, "action", "preview",
                "status", "identified", "message", message, "visibility", "public"));
        Incidents.post(api, id, Bodies.update("identified", message));
        String publicPage = Eventually.until(() -> api.get("/incidents/" + id).send().body(),
                body -> body.contains(message), "the posted update on the public page");

        assertThat(heading(section(preview.body(), "preview"), message))
                .isEqualTo(heading(publicPage.substring(publicPage.indexOf("id=\"updates-heading\"")), message));
    }

    @Test
    void anInternalUpdatePreviewsAsNotShownOnThePublicPage() {
        String id = ApiClient.uniqueId("console-preview-internal");
        Incidents.declare(api, Bodies.declaration(id));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var page = opened(browser, id);

        var preview = browser.post("/console/incidents/" + id + "/updates", stamped(page, "action", "preview",
                "status", "identified", "message", "Only for us", "visibility", "internal"));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(section(preview.body(), "preview")).contains("Not shown on the public page")
                .doesNotContain("update__body");
    }

    @Test
    void aPromiseCountsDownAndABrokenOneIsFlaggedOverdue() {
        String due = ApiClient.uniqueId("console-promise-due");
        Incidents.declare(api, Bodies.with(Bodies.declaration(due), "nextUpdateInMinutes", 30));
        String late = ApiClient.uniqueId("console-promise-late");
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(late), "occurredAt", twoHoursAgo.toString()),
                "nextUpdateDueAt", twoHoursAgo.plus(15, ChronoUnit.MINUTES).toString()));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);

        String duePage = Eventually.until(() -> browser.get("/console/incidents/" + due), p -> p.status() == 200,
                "the incident page").body();
        String latePage = Eventually.until(() -> browser.get("/console/incidents/" + late), p -> p.status() == 200,
                "the incident page").body();

        assertThat(duePage).containsPattern("next update due in (29|30) min").doesNotContain("overdue");
        assertThat(latePage).contains("Next update overdue").containsPattern("overdue by 10[45] min");
    }

    @Test
    void anAuditorSeesTheIncidentWithoutAnyFormAndIsRefusedPostingOne() {
        String id = ApiClient.uniqueId("console-auditor");
        Incidents.declare(api, Bodies.declaration(id));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        var page = Eventually.until(() -> browser.get("/console/incidents/" + id), p -> p.status() == 200,
                "the incident page");
        var posted = browser.post("/console/incidents/" + id + "/updates", ConsoleClient.Form.of("status",
                "resolved", "message", "Auditors cannot write", "visibility", "public", "version", "1"));

        assertThat(page.body()).contains("We are investigating failed checkouts.")
                .doesNotContain("/console/incidents/" + id + "/updates").doesNotContain("name=\"version\"");
        assertThat(posted.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents/" + id).as(ApiClient.AUDITOR).send().body())
                .doesNotContain("Auditors cannot write");
    }

    @Test
    void anUnknownIncidentIsTheConsoles404Page() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);

        var page = browser.get("/console/incidents/no-such-incident-anywhere");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Not found").contains("no-such-incident-anywhere");
    }

    /** The incident page once the responder view has the incident. */
    private static ConsoleClient.Page opened(ConsoleClient browser, String id) {
        return Eventually.until(() -> browser.get("/console/incidents/" + id), p -> p.status() == 200,
                "the incident page");
    }

    /** The update carrying {@code message}, from its status heading to its body, times left out. */
    private static String heading(String html, String message) {
        int body = html.indexOf(message);
        int start = html.lastIndexOf("<h3 class=\"update__status\"", body);
        return html.substring(start, body + message.length()).replaceAll("\\s+", " ");
    }

    static JsonNode responder(ApiClient api, String id) {
        return api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send().json();
    }
}
