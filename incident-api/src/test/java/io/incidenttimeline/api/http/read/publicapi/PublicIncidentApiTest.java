package io.incidenttimeline.api.http.read.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our richer public incident API: the reader's language and time zone, and public content only. */
class PublicIncidentApiTest extends ApiIntegrationTest {

    private static final String REFERENCE = "/api/public/v1/incidents/" + ReferenceIncidentFixture.ID;
    /** The HTML page's notice (statuspage/messages_de.properties), word for word. */
    private static final String GERMAN_DISCLAIMER = "Dieser Text wurde maschinell übersetzt und kann Fehler enthalten. "
            + "Maßgeblich ist die Originalfassung auf Englisch; bei Abweichungen gilt der Text auf Englisch.";

    @BeforeEach
    void reference() {
        ReferenceIncidentFixture.loadAndProject(api);
    }

    @Test
    void theReferenceIncidentReadsInGermanWithADisclaimerAndLosAngelesTimesNewestFirst() {
        var response = api.get(REFERENCE + "?lang=de&tz=America/Los_Angeles").send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode incident = response.json();

        assertThat(incident.get("locale").asText()).isEqualTo("de");
        assertThat(incident.get("authoritativeLocale").asText()).isEqualTo("en");
        assertThat(incident.get("title").asText()).isEqualTo("Anrufaufzeichnungen für einige Talk-Kunden nicht verfügbar");
        assertThat(incident.get("machineTranslated").asBoolean()).isTrue();
        assertThat(incident.get("disclaimer").asText()).as("in the reader's language, as on the page")
                .isEqualTo(GERMAN_DISCLAIMER);
        assertThat(incident.get("timeZone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(incident.get("status").asText()).isEqualTo("resolved");
        assertThat(incident.get("impact").asText()).isEqualTo("major");

        JsonNode updates = incident.get("updates");
        assertThat(updates).hasSize(2);
        JsonNode newest = updates.get(0);
        assertThat(newest.get("id").asText()).isEqualTo("update-2024-07-05-1352");
        assertThat(newest.get("body").asText()).startsWith("Die Änderungen wurden erfolgreich");
        assertThat(newest.get("displayAt").get("utc").asText()).isEqualTo("2024-07-05T13:52:00Z");
        assertThat(newest.get("displayAt").get("local").asText()).isEqualTo("2024-07-05T06:52:00-07:00");
        assertThat(newest.get("displayAt").get("zone").asText()).isEqualTo("PDT");
        assertThat(newest.get("displayAt").get("text").asText()).isEqualTo("2024-07-05 06:52 PDT");
        JsonNode oldest = updates.get(1);
        assertThat(oldest.get("id").asText()).isEqualTo("update-2024-07-05-1331");
        assertThat(oldest.get("body").asText()).contains("in mehreren Pods");
        assertThat(oldest.get("displayAt").get("text").asText()).isEqualTo("2024-07-05 06:31 PDT");
        assertThat(oldest.get("nextUpdateDueAt").get("utc").asText()).isEqualTo("2024-07-05T14:01:00Z");

        assertThat(incident.get("impactWindow").get("startedAt").get("text").asText()).isEqualTo("2024-07-05 03:54 PDT");
        assertThat(incident.get("impactWindow").get("endedAt").get("utc").asText()).isEqualTo("2024-07-05T13:36:00Z");
        assertThat(incident.get("resolvedAt").get("text").asText()).isEqualTo("2024-07-05 06:52 PDT");
        assertThat(incident.get("nextUpdateDueAt").isNull()).isTrue();
        assertThat(incident.get("nextUpdateOverdue").asBoolean()).isFalse();
        assertThat(incident.get("components").get(0).get("name").asText()).isEqualTo("Call recordings");
        assertThat(incident.get("components").get(0).get("status").asText()).isEqualTo("operational");

        JsonNode postMortem = incident.get("postMortem");
        assertThat(postMortem.get("summary").asText()).startsWith("Am 5. Juli 2024 von 10:54 UTC bis 13:36 UTC");
        assertThat(postMortem.get("rootCause").asText()).contains("falschen Speicherort");
        assertThat(postMortem.get("remediation")).extracting(i -> i.get("id").asText())
                .containsExactly("improved-testing", "configuration-management", "monitoring-and-alerting");
        assertThat(incident.get("translations").get(0).get("locale").asText()).isEqualTo("de");
    }

    @Test
    void withoutATranslationTheAuthoritativeTextIsShownWithoutDisclaimer() {
        JsonNode english = api.get(REFERENCE).send().json();
        assertThat(english.get("locale").asText()).isEqualTo("en");
        assertThat(english.get("title").asText()).isEqualTo("Call recordings unavailable for some Talk customers");
        assertThat(english.get("disclaimer").isNull()).isTrue();
        assertThat(english.get("updates").get(0).get("displayAt").get("zone").asText()).isEqualTo("UTC");

        JsonNode french = api.get(REFERENCE + "?lang=fr").send().json();
        assertThat(french.get("locale").asText()).isEqualTo("en");
        assertThat(french.get("machineTranslated").asBoolean()).isFalse();
    }

    /**
     * The rule the README states: a well-formed language the incident has no text in is no error (incidents are
     * translated one by one), it is served in the authoritative language and Content-Language names the one served;
     * only a tag that is malformed or names no language is a 400.
     */
    @Test
    void aLanguageWithoutTextIsServedInTheAuthoritativeOneAndContentLanguageSaysWhich() {
        var french = api.get(REFERENCE + "?lang=fr").send();
        assertThat(french.status()).isEqualTo(200);
        assertThat(french.header("Content-Language")).isEqualTo("en");
        assertThat(french.json().get("locale").asText()).isEqualTo("en");
        var german = api.get(REFERENCE + "?lang=de-AT").send();
        assertThat(german.header("Content-Language")).as("the translation of the language, whatever the region").isEqualTo("de");
        assertThat(api.get(REFERENCE).header("Accept-Language", "ja, fr;q=0.5").send().header("Content-Language"))
                .isEqualTo("en");
        assertProblem(api.get(REFERENCE + "?lang=zz").send(), "lang");
    }

    @Test
    void acceptLanguageChoosesTheTranslationWhenNoLangIsGiven() {
        JsonNode swiss = api.get(REFERENCE).header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5").send().json();
        assertThat(swiss.get("locale").asText()).isEqualTo("de");
        assertThat(swiss.get("disclaimer").asText()).isEqualTo(GERMAN_DISCLAIMER);

        JsonNode preferEnglish = api.get(REFERENCE + "?lang=en").header("Accept-Language", "de").send().json();
        assertThat(preferEnglish.get("locale").asText()).isEqualTo("en");
    }

    @Test
    void aMachineTranslationIntoALanguageThePageHasNoWordsForCarriesTheEnglishDisclaimer() {
        String incident = ApiClient.uniqueId("fr-disclaimer");
        Incidents.declare(api, Bodies.declaration(incident));
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/translations",
                Map.of("locale", "fr", "machineTranslated", true, "title", "Le paiement échoue pour certains clients"));
        JsonNode french = Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident + "?lang=fr").send(),
                r -> r.status() == 200 && r.body().contains("Le paiement"), incident + " in French").json();

        assertThat(french.get("locale").asText()).isEqualTo("fr");
        assertThat(french.get("disclaimer").asText()).isEqualTo("This text was machine-translated into French and may "
                + "contain errors. The original in English is authoritative; where they differ, the English text prevails.");
    }

    @Test
    void aMissedNextUpdateIsShownAsOverdue() {
        String late = ApiClient.uniqueId("overdue");
        String start = java.time.Instant.now().minusSeconds(7200).toString();
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(late), "occurredAt", start), "nextUpdateInMinutes", 30));
        String onTime = ApiClient.uniqueId("on-time");
        Incidents.declare(api, Bodies.with(Bodies.declaration(onTime), "nextUpdateInMinutes", 30));

        JsonNode overdue = Eventually.until(() -> api.get("/api/public/v1/incidents/" + late).send(),
                r -> r.status() == 200, late + " in the public view").json();
        assertThat(overdue.get("nextUpdateDueAt").get("utc").asText())
                .isEqualTo(java.time.Instant.parse(start).plusSeconds(1800).toString());
        assertThat(overdue.get("nextUpdateOverdue").asBoolean()).isTrue();
        JsonNode due = Eventually.until(() -> api.get("/api/public/v1/incidents/" + onTime).send(),
                r -> r.status() == 200, onTime + " in the public view").json();
        assertThat(due.get("nextUpdateOverdue").asBoolean()).isFalse();
        assertThat(due.get("nextUpdateDueAt").isObject()).isTrue();
    }

    @Test
    void anUnknownZoneOrLocaleIsRefusedWith400() {
        assertProblem(api.get(REFERENCE + "?tz=Mars/Olympus_Mons").send(), "tz");
        assertProblem(api.get(REFERENCE + "?tz=PDT").send(), "tz");
        assertProblem(api.get(REFERENCE + "?lang=zz").send(), "lang");
        assertProblem(api.get(REFERENCE + "?lang=not_a_tag!").send(), "lang");
        assertProblem(api.get(REFERENCE).header("Accept-Language", "de;q=abc").send(), "Accept-Language");

        var missing = api.get("/api/public/v1/incidents/no-such-incident").send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void internalUpdatesNeverReachAnyPublicResponse() {
        String marker = "INTERNAL-" + UUID.randomUUID();
        String component = ApiClient.uniqueId("search");
        Incidents.defineComponent(api, component, "Search", null, 7);

        String visible = ApiClient.uniqueId("pub-int");
        Incidents.declare(api, Bodies.with(Bodies.declaration(visible), "components", Map.of(component, "degraded_performance")));
        Incidents.post(api, visible, Bodies.with(Bodies.with(Bodies.update("identified", "Internal note " + marker),
                "visibility", "internal"), "nextUpdateInMinutes", 5));
        String hidden = ApiClient.uniqueId("only-int");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(hidden), "visibility", "internal"),
                "message", "Secret " + marker));
        Incidents.post(api, hidden, Bodies.with(Bodies.update("identified", "Also secret " + marker), "visibility", "internal"));
        String amendedId = ApiClient.uniqueId("upd");
        Incidents.post(api, visible, Bodies.with(Bodies.update("monitoring", "First text"), "updateId", amendedId));
        Incidents.command(api, "POST", "/api/v1/incidents/" + visible + "/updates/" + amendedId + "/amendments",
                Map.of("message", "Corrected text", "reason", "typo"));
        String retractedId = ApiClient.uniqueId("upd");
        Incidents.post(api, visible, Bodies.with(Bodies.update("monitoring", "Wrong incident"), "updateId", retractedId));
        Incidents.command(api, "POST", "/api/v1/incidents/" + visible + "/updates/" + retractedId + "/retraction",
                Map.of("reason", "posted on the wrong incident"));

        JsonNode incident = Eventually.until(() -> api.get("/api/public/v1/incidents/" + visible).send(),
                r -> r.status() == 200 && r.body().contains("Corrected text") && !r.body().contains("Wrong incident"),
                "the amendment and the retraction in the public view").json();

        assertThat(incident.get("updates")).hasSize(2);
        assertThat(incident.get("updates").get(0).get("id").asText()).isEqualTo(amendedId);
        assertThat(incident.get("updates").get(0).get("edited").asBoolean()).isTrue();
        assertThat(incident.get("updates").get(0).get("editedAt").isObject()).isTrue();
        assertThat(incident.get("updates").get(1).get("edited").asBoolean()).isFalse();
        assertThat(incident.get("status").asText()).isEqualTo("monitoring");

        List<String> publicPaths = new ArrayList<>(List.of("/api/v2/summary.json", "/api/v2/status.json",
                "/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
                "/api/public/v1/incidents/" + visible, "/api/public/v1/incidents/" + visible + "?lang=de",
                "/api/public/v1/incidents/" + hidden));
        for (String path : publicPaths) {
            var response = api.get(path).send();
            assertThat(response.body()).as(path).doesNotContain(marker).doesNotContain("Wrong incident");
        }
        assertThat(api.get("/api/public/v1/incidents/" + hidden).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v2/incidents.json").send().body()).doesNotContain(hidden);
    }

    private static void assertProblem(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.json().get("type").asText()).startsWith("/problems/");
    }
}
