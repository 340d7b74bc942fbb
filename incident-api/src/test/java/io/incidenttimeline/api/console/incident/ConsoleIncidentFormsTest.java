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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every form of the incident page over real HTTP, as a browser without JavaScript sends it: each command lands in the
 * responder view and, where public, on the public page; refusals come back next to their field with the input kept.
 */
class ConsoleIncidentFormsTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void anUpdatePostedThroughTheFormReachesThePublicPageAndIsAuditedAsTheSignedInPersonOnTheConsole() {
        String id = declared("console-post");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);
        String message = "We identified a faulty deploy and are rolling it back " + id;

        var posted = browser.post("/console/incidents/" + id + "/updates", stamped(page, "action", "post",
                "status", "identified", "message", message, "impact", "major", "visibility", "public",
                "nextUpdateInMinutes", "30"));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        assertThat(posted.location()).startsWith("/console/incidents/" + id + "?seen=").contains("#update-upd-");
        String updateId = posted.location().substring(posted.location().indexOf("#update-") + "#update-".length());
        assertThat(entry(browser.get(posted.location().replaceAll("#.*", "")).body(), updateId)).contains(message);
        JsonNode responder = responder(id, posted);
        assertThat(responder.get("impact").asText()).isEqualTo("major");
        assertThat(responder.get("updates").get(1).get("nextUpdateDueAt").isNull()).isFalse();
        Eventually.until(() -> api.get("/incidents/" + id).send().body(), body -> body.contains(message),
                "the update on the public page");
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + id).send().body(),
                body -> body.contains(message), "the update in the public JSON");
        JsonNode event = lastEvent(id, "UpdatePosted");
        assertThat(event.get("metadata").get("channel").asText()).isEqualTo("console");
        assertThat(event.get("metadata").get("actor").asText()).isEqualTo("test-responder");
        assertThat(event.get("metadata").get("role").asText()).isEqualTo("responder");
    }

    @Test
    void anAmendmentKeepsTheOriginalTextAndReasonInTheHistoryAndThePublicPageShowsTheNewText() {
        String id = declared("console-amend");
        String first = firstUpdate(id);
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var amended = browser.post("/console/incidents/" + id + "/updates/" + first + "/amendment", stamped(page,
                "message", "We are investigating failed card payments.", "reason", "it is card payments only"));

        assertThat(amended.status()).as(amended.toString()).isEqualTo(303);
        assertThat(amended.location()).endsWith("#update-" + first);
        String entry = entry(browser.get("/console/incidents/" + id + "?seen=" + version(amended)).body(), first);
        assertThat(entry).contains(">amended<").contains("We are investigating failed card payments.")
                .contains("We are investigating failed checkouts.").contains("it is card payments only");
        String publicPage = Eventually.until(() -> api.get("/incidents/" + id).send().body(),
                body -> body.contains("failed card payments"), "the amended text on the public page");
        assertThat(publicPage).doesNotContain("We are investigating failed checkouts.");
    }

    @Test
    void aRetractedUpdateIsStruckThroughWithItsReasonAndLeavesThePublicPage() {
        String id = declared("console-retract");
        var second = Incidents.post(api, id, Bodies.update("identified", "Posted to the wrong incident " + id));
        String updateId = second.json().get("updateId").asText();
        ConsoleClient browser = signedIn();
        var page = Eventually.until(() -> browser.get("/console/incidents/" + id),
                p -> p.body().contains("wrong incident " + id), "the second update");

        var retracted = browser.post("/console/incidents/" + id + "/updates/" + updateId + "/retraction",
                stamped(page, "reason", "meant for another incident"));

        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(303);
        String entry = entry(browser.get("/console/incidents/" + id + "?seen=" + version(retracted)).body(), updateId);
        assertThat(entry).contains("<del>Posted to the wrong incident " + id + "</del>").contains(">retracted<")
                .contains("meant for another incident");
        Eventually.until(() -> api.get("/incidents/" + id).send().body(),
                body -> !body.contains("wrong incident " + id), "the retracted update gone from the public page");
    }

    @Test
    void theImpactWindowIsRecordedInUtcAndShownOnThePublicPage() {
        String id = declared("console-window");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var recorded = browser.post("/console/incidents/" + id + "/impact-window", stamped(page,
                "startedAt", "2026-12-07T10:54", "endedAt", "2026-12-07T13:36", "reason", "from the load balancer logs"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(303);
        JsonNode window = responder(id, recorded).get("impactWindow");
        assertThat(window.get("startedAt").asText()).isEqualTo("2026-12-07T10:54:00Z");
        assertThat(window.get("endedAt").asText()).isEqualTo("2026-12-07T13:36:00Z");
        assertThat(browser.get("/console/incidents/" + id + "?seen=" + version(recorded)).body())
                .contains("2026-12-07 10:54 UTC").contains("2026-12-07 13:36 UTC").contains("value=\"2026-12-07T10:54\"");
        Eventually.until(() -> api.get("/incidents/" + id).send().body(), body -> body.contains("2 h 42 min"),
                "the duration of impact on the public page");
    }

    @Test
    void anImpactWindowEndingBeforeItStartsIsRefusedNextToTheEndWithTheInputKept() {
        String id = declared("console-window-inverted");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var refused = browser.post("/console/incidents/" + id + "/impact-window", stamped(page,
                "startedAt", "2026-12-07T13:36", "endedAt", "2026-12-07T10:54", "reason", "typed the wrong way round"));

        assertThat(refused.status()).isEqualTo(400);
        String form = section(refused.body(), "impact-window");
        int end = form.indexOf("name=\"endedAt\"");
        assertThat(form.substring(end, form.indexOf("name=\"reason\""))).contains("class=\"problem\"")
                .contains("value=\"2026-12-07T10:54\"");
        assertThat(form.substring(0, end)).contains("value=\"2026-12-07T13:36\"").doesNotContain("class=\"problem\"");
        assertThat(form).contains("value=\"typed the wrong way round\"");
        assertThat(responder(id).get("impactWindow").isNull()).isTrue();
    }

    @Test
    void aTimeTheFormCannotReadIsShownNextToItsField() {
        String id = declared("console-window-garbled");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var refused = browser.post("/console/incidents/" + id + "/impact-window", stamped(page,
                "startedAt", "yesterday", "endedAt", ""));

        assertThat(refused.status()).isEqualTo(400);
        String form = section(refused.body(), "impact-window");
        assertThat(form.substring(form.indexOf("name=\"startedAt\""), form.indexOf("name=\"endedAt\"")))
                .contains("a date and time in UTC").contains("value=\"yesterday\"");
    }

    @Test
    void resolvingThenThePostMortemWithRemediationAndCompletingAnItem() {
        String id = declared("console-postmortem");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var resolved = browser.post("/console/incidents/" + id + "/updates", stamped(page, "action", "post",
                "status", "resolved", "message", "Checkouts work again.", "visibility", "public"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(303);
        assertThat(responder(id, resolved).get("resolved").asBoolean()).isTrue();
        page = browser.get("/console/incidents/" + id + "?seen=" + version(resolved));
        assertThat(page.body()).doesNotContain("Next update due");

        var published = browser.post("/console/incidents/" + id + "/postmortem", stamped(page,
                "summary", "Checkouts failed for 20 minutes.", "rootCause", "A configuration change.",
                "resolution", "Rolled back.", "remediation[0].title", "Check configuration in CI",
                "remediation[0].owner", "platform", "remediation[0].dueDate", "2027-01-15",
                "remediation[1].title", "", "remediation[1].owner", "", "remediation[1].dueDate", ""));
        assertThat(published.status()).as(published.toString()).isEqualTo(303);
        JsonNode remediation = responder(id, published).get("postMortem").get("remediation");
        assertThat(remediation).hasSize(1);
        JsonNode item = remediation.get(0);
        assertThat(item.get("title").asText()).isEqualTo("Check configuration in CI");
        Eventually.until(() -> api.get("/incidents/" + id).send().body(),
                body -> body.contains("Checkouts failed for 20 minutes.") && body.contains("Check configuration in CI"),
                "the post-mortem on the public page");

        page = browser.get("/console/incidents/" + id + "?seen=" + version(published));
        String itemId = item.get("id").asText();
        var completed = browser.post("/console/incidents/" + id + "/postmortem/remediation/" + itemId + "/completion",
                stamped(page));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(303);
        assertThat(responder(id, completed).get("postMortem").get("remediation").get(0).get("completed").asBoolean())
                .isTrue();
        assertThat(section(browser.get("/console/incidents/" + id + "?seen=" + version(completed)).body(), "postmortem"))
                .contains("✓ done").contains("test-responder");
        Eventually.until(() -> api.get("/incidents/" + id).send().body(), body -> body.contains("class=\"done\""),
                "the completed item on the public page");
    }

    @Test
    void aRemediationItemWithoutTitleIsRefusedNextToItsOwnRow() {
        String id = declared("console-postmortem-row");
        Incidents.post(api, id, Bodies.update("resolved", "Fixed."));
        ConsoleClient browser = signedIn();
        var page = Eventually.until(() -> browser.get("/console/incidents/" + id), p -> p.body().contains("Fixed."),
                "the resolution");

        var refused = browser.post("/console/incidents/" + id + "/postmortem", stamped(page,
                "summary", "S", "rootCause", "R", "resolution", "X",
                "remediation[0].title", "", "remediation[0].owner", "", "remediation[0].dueDate", "",
                "remediation[1].title", "", "remediation[1].owner", "nobody yet", "remediation[1].dueDate", ""));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        String form = section(refused.body(), "postmortem");
        String row = form.substring(form.indexOf("name=\"remediation[1].title\""), form.indexOf("name=\"remediation[1].owner\""));
        assertThat(row).contains("class=\"problem\"");
        assertThat(form).contains("value=\"nobody yet\"");
    }

    @Test
    void aPostMortemBeforeResolutionIsRefused409AtTheTopOfItsFormWithTheTextsKept() {
        String id = declared("console-postmortem-early");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var refused = browser.post("/console/incidents/" + id + "/postmortem", stamped(page,
                "summary", "Written too early", "rootCause", "R", "resolution", "X"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        String form = section(refused.body(), "postmortem");
        assertThat(form).contains("<details class=\"console-form\" open")
                .containsPattern("notice--problem\"[^>]*>[^<]*resolved")
                .contains("Written too early</textarea>");
        assertThat(responder(id).get("postMortem").isNull()).isTrue();
    }

    @Test
    void aTranslationIsAddedBesideTheOriginalAndMarkedOutdatedOnceTheOriginalIsAmended() {
        String id = declared("console-translation");
        String first = firstUpdate(id);
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var added = browser.post("/console/incidents/" + id + "/translations", stamped(page, "locale", "de",
                "machineTranslated", "true", "engine", "DeepL", "title", "Bezahlvorgang schlägt fehl",
                "updates." + first, "Wir untersuchen fehlgeschlagene Bezahlvorgänge."));

        assertThat(added.status()).as(added.toString()).isEqualTo(303);
        page = browser.get("/console/incidents/" + id + "?seen=" + version(added));
        String translation = section(page.body(), "translations");
        assertThat(translation).contains("Wir untersuchen fehlgeschlagene Bezahlvorgänge.")
                .contains("We are investigating failed checkouts.").contains("machine translation (DeepL)")
                .contains("class=\"current\"").doesNotContain("class=\"outdated\"");
        Eventually.until(() -> api.get("/incidents/" + id + "?lang=de").send().body(),
                body -> body.contains("Wir untersuchen fehlgeschlagene Bezahlvorgänge."), "the German page");

        var amended = browser.post("/console/incidents/" + id + "/updates/" + first + "/amendment", stamped(page,
                "message", "We are investigating failed card payments.", "reason", "narrower"));
        assertThat(amended.status()).isEqualTo(303);
        assertThat(section(browser.get("/console/incidents/" + id + "?seen=" + version(amended)).body(), "translations"))
                .contains("class=\"outdated\"").contains("outdated: the original changed since");

        var renew = browser.get("/console/incidents/" + id + "?translate=de");
        assertThat(section(renew.body(), "translations")).contains("Renew the de translation")
                .contains("Wir untersuchen fehlgeschlagene Bezahlvorgänge.</textarea>");
    }

    @Test
    void aStaleFormIsAnswered409WithTheUpdateAddedMeanwhileAndTheInputKeptAndNothingStored() {
        String id = declared("console-stale");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);
        Incidents.post(api, id, Bodies.update("identified", "Meanwhile a colleague posted this " + id));
        long afterColleague = responderVersion(id);

        var stale = browser.post("/console/incidents/" + id + "/updates", stamped(page, "action", "post",
                "status", "monitoring", "message", "My update written on the old page", "visibility", "public"));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        String box = section(stale.body(), "stale-heading");
        assertThat(box).contains("This incident changed since you opened it")
                .contains("Meanwhile a colleague posted this " + id);
        assertThat(section(stale.body(), "post-update")).contains("My update written on the old page</textarea>")
                .contains("name=\"version\" value=\"" + afterColleague + "\"");
        assertThat(responderVersion(id)).isEqualTo(afterColleague);
        assertThat(responder(id).toString()).doesNotContain("My update written on the old page");
    }

    private String declared(String prefix) {
        String id = ApiClient.uniqueId(prefix);
        Incidents.declare(api, Bodies.declaration(id));
        Eventually.until(() -> api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send().status(),
                status -> status == 200, "the incident in the responder view");
        return id;
    }

    private ConsoleClient signedIn() {
        return new ConsoleClient(port).signIn(ApiClient.RESPONDER);
    }

    private String firstUpdate(String id) {
        return responder(id).get("updates").get(0).get("id").asText();
    }

    private JsonNode responder(String id) {
        return api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send().json();
    }

    /** The responder view once it shows the command that answered {@code redirect}. */
    private JsonNode responder(String id, ConsoleClient.Page redirect) {
        return api.get("/api/v1/incidents/" + id + "?minVersion=" + version(redirect)).as(ApiClient.RESPONDER).send()
                .json();
    }

    private long responderVersion(String id) {
        return api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send().json().get("version").asLong();
    }

    private JsonNode lastEvent(String id, String type) {
        JsonNode last = null;
        for (JsonNode event : api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send().json()
                .get("events")) {
            if (event.get("type").asText().equals(type)) {
                last = event;
            }
        }
        assertThat(last).as("a " + type + " event").isNotNull();
        return last;
    }

    /** The version a command answered, from the page it redirected to. */
    private static String version(ConsoleClient.Page redirect) {
        return redirect.location().replaceAll(".*\\?seen=(\\d+).*", "$1");
    }
}
