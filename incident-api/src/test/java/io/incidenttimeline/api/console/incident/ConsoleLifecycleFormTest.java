package io.incidenttimeline.api.console.incident;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The incident page's lifecycle form over real HTTP, as a browser without JavaScript sends it: moments recorded and
 * corrected, refusals next to their field with the input kept, a stale form answered 409, auditors only reading.
 */
class ConsoleLifecycleFormTest extends ApiIntegrationTest {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @LocalServerPort
    private int port;

    private final Instant detected = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));

    @Test
    void aMomentIsRecordedThenCorrectedWithAReasonAndTheHistoryShown() {
        String id = declared("console-life");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);
        assertThat(section(page.body(), "lifecycle")).contains("No moment recorded yet")
                .contains("<option value=\"identified\"").contains("<option value=\"mitigated\"");

        var recorded = browser.post("/console/incidents/" + id + "/lifecycle", stamped(page,
                "moment", "detected", "at", INPUT.format(detected), "reason", ""));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(303);
        assertThat(recorded.location()).endsWith("#lifecycle");
        assertThat(responder(id, recorded).at("/lifecycle/0/at").asText()).isEqualTo(detected.toString());

        var shown = browser.get("/console/incidents/" + id + "?seen=" + version(recorded));
        Instant earlier = detected.minus(Duration.ofMinutes(7));
        var corrected = browser.post("/console/incidents/" + id + "/lifecycle", stamped(shown,
                "moment", "detected", "at", INPUT.format(earlier), "reason", "the alert history says 7 minutes earlier"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(303);
        JsonNode moment = responder(id, corrected).at("/lifecycle/0");
        assertThat(moment.get("at").asText()).isEqualTo(earlier.toString());
        assertThat(moment.at("/history/1/reason").asText()).isEqualTo("the alert history says 7 minutes earlier");
        assertThat(moment.at("/history/1/recorded/channel").asText()).isEqualTo("console");

        String lifecycle = section(browser.get("/console/incidents/" + id + "?seen=" + version(corrected)).body(),
                "lifecycle");
        assertThat(lifecycle).contains("id=\"moment-detected\"").contains(SHOWN.format(earlier))
                .contains("(was " + SHOWN.format(detected) + ")").contains("the alert history says 7 minutes earlier");
    }

    @Test
    void aCorrectionWithoutReasonIsRefusedNextToTheReasonWithTheInputKept() {
        String id = declared("console-life-reason");
        Incidents.command(api, "PUT", "/api/v1/incidents/" + id + "/lifecycle/detected",
                java.util.Map.of("at", detected.toString()));
        ConsoleClient browser = signedIn();
        var page = Eventually.until(() -> browser.get("/console/incidents/" + id),
                p -> p.body().contains("id=\"moment-detected\""), "the recorded moment on the page");

        String later = INPUT.format(detected.plus(Duration.ofMinutes(5)));
        var refused = browser.post("/console/incidents/" + id + "/lifecycle", stamped(page,
                "moment", "detected", "at", later, "reason", ""));

        assertThat(refused.status()).isEqualTo(400);
        String form = section(refused.body(), "lifecycle");
        String reason = form.substring(form.indexOf("name=\"reason\""));
        assertThat(reason).contains("class=\"problem\"");
        assertThat(form.substring(form.indexOf("id=\"lifecycle-form\""), form.indexOf("name=\"reason\"")))
                .doesNotContain("class=\"problem\"").contains("value=\"" + later + "\"")
                .contains("<option value=\"detected\" selected=\"selected\"");
        assertThat(responder(id).at("/lifecycle/0/history")).hasSize(1);
    }

    @Test
    void aMomentBeforeDetectionIsRefused409NextToItsTime() {
        String id = declared("console-life-order");
        Incidents.command(api, "PUT", "/api/v1/incidents/" + id + "/lifecycle/detected",
                java.util.Map.of("at", detected.toString()));
        ConsoleClient browser = signedIn();
        var page = Eventually.until(() -> browser.get("/console/incidents/" + id),
                p -> p.body().contains("id=\"moment-detected\""), "the recorded moment on the page");

        String before = INPUT.format(detected.minus(Duration.ofMinutes(5)));
        var refused = browser.post("/console/incidents/" + id + "/lifecycle", stamped(page,
                "moment", "mitigated", "at", before));

        assertThat(refused.status()).isEqualTo(409);
        String form = section(refused.body(), "lifecycle");
        assertThat(form.substring(form.indexOf("name=\"at\""), form.indexOf("name=\"reason\"")))
                .contains("class=\"problem\"").contains("before detection").contains("value=\"" + before + "\"");
    }

    @Test
    void aMissingOrUnknownMomentAndAnUnreadableTimeAreShownNextToTheirField() {
        String id = declared("console-life-fields");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var none = browser.post("/console/incidents/" + id + "/lifecycle", stamped(page,
                "moment", "", "at", INPUT.format(detected)));
        assertThat(none.status()).isEqualTo(400);
        String form = section(none.body(), "lifecycle");
        assertThat(form.substring(form.indexOf("name=\"moment\""), form.indexOf("name=\"at\"")))
                .contains("choose the moment to record");

        var unknown = browser.post("/console/incidents/" + id + "/lifecycle", stamped(page,
                "moment", "noticed", "at", INPUT.format(detected)));
        assertThat(unknown.status()).isEqualTo(400);
        String unknownForm = section(unknown.body(), "lifecycle");
        assertThat(unknownForm.substring(unknownForm.indexOf("name=\"moment\""), unknownForm.indexOf("name=\"at\"")))
                .contains("is not a lifecycle moment");

        var garbled = browser.post("/console/incidents/" + id + "/lifecycle", stamped(page,
                "moment", "detected", "at", "this morning"));
        assertThat(garbled.status()).isEqualTo(400);
        String garbledForm = section(garbled.body(), "lifecycle");
        assertThat(garbledForm.substring(garbledForm.indexOf("name=\"at\""), garbledForm.indexOf("name=\"reason\"")))
                .contains("a date and time in UTC").contains("value=\"this morning\"");
        assertThat(responder(id).get("lifecycle")).isEmpty();
    }

    @Test
    void aStaleFormIsAnswered409WithTheInputKeptAndNothingStored() {
        String id = declared("console-life-stale");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);
        Incidents.post(api, id, Bodies.update("identified", "Meanwhile a colleague posted this " + id));

        var stale = browser.post("/console/incidents/" + id + "/lifecycle", stamped(page,
                "moment", "acknowledged", "at", INPUT.format(detected)));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(section(stale.body(), "stale-heading")).contains("Meanwhile a colleague posted this " + id);
        assertThat(section(stale.body(), "lifecycle")).contains("value=\"" + INPUT.format(detected) + "\"")
                .contains("<option value=\"acknowledged\" selected=\"selected\"");
        assertThat(responder(id).get("lifecycle")).isEmpty();
    }

    @Test
    void anAuditorSeesTheMomentsWithoutTheFormAndIsRefusedPostingIt() {
        String id = declared("console-life-auditor");
        Incidents.command(api, "PUT", "/api/v1/incidents/" + id + "/lifecycle/detected",
                java.util.Map.of("at", detected.toString()));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        var page = Eventually.until(() -> browser.get("/console/incidents/" + id),
                p -> p.status() == 200 && p.body().contains("id=\"moment-detected\""), "the moment on the page");
        var posted = browser.post("/console/incidents/" + id + "/lifecycle", ConsoleClient.Form.of("moment",
                "acknowledged", "at", INPUT.format(detected), "version", "3"));

        assertThat(section(page.body(), "lifecycle")).contains(SHOWN.format(detected))
                .doesNotContain("id=\"lifecycle-form\"");
        assertThat(posted.status()).isEqualTo(403);
        assertThat(responder(id).get("lifecycle")).hasSize(1);
    }

    private String declared(String prefix) {
        String id = ApiClient.uniqueId(prefix);
        Incidents.declare(api, Bodies.with(Bodies.declaration(id), "occurredAt",
                detected.minus(Duration.ofMinutes(10)).toString()));
        Eventually.until(() -> api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send().status(),
                status -> status == 200, "the incident in the responder view");
        return id;
    }

    private ConsoleClient signedIn() {
        return new ConsoleClient(port).signIn(ApiClient.RESPONDER);
    }

    private JsonNode responder(String id) {
        return api.get("/api/v1/incidents/" + id + "?minVersion=" + eventsVersion(id)).as(ApiClient.RESPONDER).send()
                .json();
    }

    private JsonNode responder(String id, ConsoleClient.Page redirect) {
        return api.get("/api/v1/incidents/" + id + "?minVersion=" + version(redirect)).as(ApiClient.RESPONDER).send()
                .json();
    }

    private long eventsVersion(String id) {
        return api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send().json().get("version").asLong();
    }

    private static String version(ConsoleClient.Page redirect) {
        return redirect.location().replaceAll(".*\\?seen=(\\d+).*", "$1");
    }
}
