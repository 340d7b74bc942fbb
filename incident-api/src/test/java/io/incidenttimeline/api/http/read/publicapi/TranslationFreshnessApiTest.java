package io.incidenttimeline.api.http.read.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A translation older than a correction of its original is never shown as current: readers of the translation get
 * the corrected original, in the public JSON and on the HTML page, with a notice in their language, until the
 * translation is renewed.
 */
class TranslationFreshnessApiTest extends ApiIntegrationTest {

    private static final String OUTDATED_NOTICE = "Die Übersetzung auf Deutsch wird aktualisiert.";

    @Test
    void anAmendedUpdateIsShownInTheCorrectedOriginalWithANoticeUntilItsTranslationIsRenewed() {
        String incident = ApiClient.uniqueId("tr-amend");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "updateId", "first"),
                "message", "Checkout fails for some cards."));
        Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "A certificate expired."), "updateId", "cause"));
        translate(incident, Map.of("locale", "de", "machineTranslated", true, "engine", "test-engine",
                "updates", Map.of("first", "Bezahlen schlägt für manche Karten fehl.", "cause", "Ein Zertifikat ist abgelaufen.")));
        awaitGerman(incident, body -> body.contains("Ein Zertifikat ist abgelaufen."));

        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/updates/cause/amendments",
                Map.of("message", "An intermediate certificate expired.", "reason", "more precise"));
        JsonNode german = awaitGerman(incident, body -> body.contains("An intermediate certificate expired."));

        assertThat(german.toString()).doesNotContain("Ein Zertifikat ist abgelaufen.");
        assertThat(update(german, "cause").get("body").asText()).isEqualTo("An intermediate certificate expired.");
        assertThat(update(german, "cause").get("edited").asBoolean()).isTrue();
        assertThat(update(german, "first").get("body").asText()).isEqualTo("Bezahlen schlägt für manche Karten fehl.");
        assertThat(german.get("machineTranslated").asBoolean()).isTrue();
        JsonNode outdated = german.get("outdatedTranslation");
        assertThat(outdated.get("locale").asText()).isEqualTo("de");
        assertThat(outdated.get("updates")).extracting(JsonNode::asText).containsExactly("cause");
        assertThat(outdated.get("postMortem")).isEmpty();
        assertThat(outdated.get("notice").asText()).startsWith(OUTDATED_NOTICE).contains("Originalfassung auf Englisch");

        String page = page(incident);
        assertThat(page).doesNotContain("Ein Zertifikat ist abgelaufen.").contains(OUTDATED_NOTICE)
                .contains("<p class=\"update__body\" lang=\"en\">An intermediate certificate expired.</p>")
                .contains("<p class=\"update__body\">Bezahlen schlägt für manche Karten fehl.</p>");

        translate(incident, Map.of("locale", "de", "machineTranslated", true, "engine", "test-engine",
                "updates", Map.of("cause", "Ein Zwischenzertifikat ist abgelaufen.")));
        JsonNode renewed = awaitGerman(incident, body -> body.contains("Ein Zwischenzertifikat ist abgelaufen."));
        assertThat(update(renewed, "cause").get("body").asText()).isEqualTo("Ein Zwischenzertifikat ist abgelaufen.");
        assertThat(renewed.get("outdatedTranslation").isNull()).isTrue();
        assertThat(page(incident)).doesNotContain(OUTDATED_NOTICE).doesNotContain("lang=\"en\">An intermediate");
    }

    @Test
    void aRetractedUpdatesTranslationIsShownNowhere() {
        String incident = ApiClient.uniqueId("tr-retract");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "updateId", "first"));
        Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "Wrong incident."), "updateId", "wrong"));
        translate(incident, Map.of("locale", "de", "machineTranslated", false,
                "updates", Map.of("first", "Wir untersuchen.", "wrong", "Falscher Vorfall.")));
        awaitGerman(incident, body -> body.contains("Falscher Vorfall."));

        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/updates/wrong/retraction",
                Map.of("reason", "posted on the wrong incident"));
        JsonNode german = awaitGerman(incident, body -> !body.contains("Falscher Vorfall."));

        assertThat(german.get("updates")).extracting(u -> u.get("body").asText()).containsExactly("Wir untersuchen.");
        assertThat(german.get("outdatedTranslation").isNull()).isTrue();
        assertThat(page(incident)).doesNotContain("Falscher Vorfall.").doesNotContain("Wrong incident.");
    }

    @Test
    void aRevisedPostMortemSectionIsShownInTheOriginalUntilItsTranslationIsRenewed() {
        String incident = ApiClient.uniqueId("tr-pm");
        Incidents.declare(api, Bodies.declaration(incident));
        Incidents.post(api, incident, Bodies.update("resolved", "Fixed."));
        Map<String, Object> postMortem = Map.of("summary", "Checkout failed for an hour.",
                "rootCause", "A certificate expired.", "resolution", "It was renewed.");
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/postmortem", postMortem);
        translate(incident, Map.of("locale", "de", "machineTranslated", true, "postMortem", Map.of(
                "summary", "Das Bezahlen schlug eine Stunde lang fehl.", "rootCause", "Ein Zertifikat war abgelaufen.",
                "resolution", "Es wurde erneuert.")));
        awaitGerman(incident, body -> body.contains("Ein Zertifikat war abgelaufen."));

        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/postmortem",
                Bodies.with(postMortem, "rootCause", "An intermediate certificate expired unnoticed."));
        JsonNode german = awaitGerman(incident, body -> body.contains("An intermediate certificate expired unnoticed."));

        JsonNode shown = german.get("postMortem");
        assertThat(shown.get("revision").asInt()).isEqualTo(2);
        assertThat(shown.get("summary").asText()).isEqualTo("Das Bezahlen schlug eine Stunde lang fehl.");
        assertThat(shown.get("rootCause").asText()).isEqualTo("An intermediate certificate expired unnoticed.");
        assertThat(german.toString()).doesNotContain("Ein Zertifikat war abgelaufen.");
        assertThat(german.get("outdatedTranslation").get("postMortem")).extracting(JsonNode::asText)
                .containsExactly("rootCause");
        assertThat(german.get("outdatedTranslation").get("updates")).isEmpty();
        String page = page(incident);
        assertThat(page).contains(OUTDATED_NOTICE).doesNotContain("Ein Zertifikat war abgelaufen.")
                .contains("lang=\"en\">An intermediate certificate expired unnoticed.</p>");

        translate(incident, Map.of("locale", "de", "machineTranslated", true,
                "postMortem", Map.of("rootCause", "Ein Zwischenzertifikat lief unbemerkt ab.")));
        JsonNode renewed = awaitGerman(incident, body -> body.contains("Ein Zwischenzertifikat lief unbemerkt ab."));
        assertThat(renewed.get("outdatedTranslation").isNull()).isTrue();
        assertThat(page(incident)).doesNotContain(OUTDATED_NOTICE);
    }

    @Test
    void anEnglishReaderOfACorrectedIncidentSeesNoTranslationNotice() {
        String incident = ApiClient.uniqueId("tr-en");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "updateId", "first"));
        translate(incident, Map.of("locale", "de", "machineTranslated", true, "updates", Map.of("first", "Wir untersuchen.")));
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/updates/first/amendments",
                Map.of("message", "We are investigating failed card payments.", "reason", "more precise"));
        awaitGerman(incident, body -> body.contains("failed card payments"));

        JsonNode english = api.get("/api/public/v1/incidents/" + incident).send().json();
        assertThat(english.get("outdatedTranslation").isNull()).isTrue();
        assertThat(english.get("disclaimer").isNull()).isTrue();
        assertThat(Eventually.until(() -> api.get("/incidents/" + incident).send(), r -> r.status() == 200,
                "the English page").body()).doesNotContain("class=\"disclaimer\"");
    }

    private void translate(String incident, Map<String, Object> body) {
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/translations", body);
    }

    private JsonNode awaitGerman(String incident, Predicate<String> shown) {
        return Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident + "?lang=de").send(),
                r -> r.status() == 200 && shown.test(r.body()), incident + " in German").json();
    }

    private String page(String incident) {
        var response = api.get("/incidents/" + incident + "?lang=de").send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode update(JsonNode incident, String updateId) {
        List<JsonNode> matching = new java.util.ArrayList<>();
        incident.get("updates").forEach(u -> {
            if (u.get("id").asText().equals(updateId)) {
                matching.add(u);
            }
        });
        assertThat(matching).as("update " + updateId).hasSize(1);
        return matching.get(0);
    }
}
