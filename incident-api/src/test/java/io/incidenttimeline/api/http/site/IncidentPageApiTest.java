package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incident page over real HTTP: languages, zones, order, corrections, post-mortem, escaping, errors. */
class IncidentPageApiTest extends ApiIntegrationTest {

    private static final String REFERENCE = "/incidents/" + ReferenceIncidentFixture.ID;

    @BeforeEach
    void reference() {
        ReferenceIncidentFixture.loadAndProject(api);
    }

    @Test
    void theReferenceIncidentInGermanInLosAngelesTimeWithTheDisclaimerAndTheOriginalLinked() {
        String html = Html.page(api.get(REFERENCE + "?lang=de&tz=America/Los_Angeles").send());

        assertThat(html).contains("<html lang=\"de\">")
                .contains("<h1>Anrufaufzeichnungen für einige Talk-Kunden nicht verfügbar</h1>");
        String disclaimer = Html.section(html, "<aside class=\"disclaimer\"", "</aside>");
        assertThat(disclaimer).contains("Hinweis zur Übersetzung").contains("maschinell übersetzt")
                .contains("Maßgeblich ist die Originalfassung auf Englisch")
                .contains("href=\"/incidents/talk-call-recordings-2024-07-05?lang=en&amp;tz=America/Los_Angeles\"")
                .contains("Originalfassung auf Englisch lesen");

        var updates = Html.texts(html, "<li id=\"update-[^\"]+\" class=\"update\">", "</li>");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).startsWith("Behoben Die Änderungen wurden erfolgreich")
                .contains("2024-07-05 13:52 UTC · 2024-07-05 06:52 PDT");
        assertThat(updates.get(1)).startsWith("Ursache erkannt Uns sind sich derzeit bewusst")
                .contains("2024-07-05 13:31 UTC · 2024-07-05 06:31 PDT")
                .contains("Nächste Aktualisierung zugesagt bis 2024-07-05 14:01 UTC · 2024-07-05 07:01 PDT")
                .as("whether it was kept is the operator's choice to show, off by default").doesNotContain("eingehalten");
        assertThat(Html.section(html, "<main", "</main>")).doesNotContain("PST");

        assertThat(Html.text(Html.section(html, "<dl class=\"facts\"", "</dl>"))).contains("Erhebliche Auswirkung")
                .contains("Talk / Call recordings").contains("2024-07-05 10:54 UTC · 2024-07-05 03:54 PDT")
                .contains("2024-07-05 13:36 UTC · 2024-07-05 06:36 PDT").contains("2 Std. 42 Min.");

        String postMortem = Html.section(html, "<section class=\"postmortem\"", "</section>");
        assertThat(Html.texts(postMortem, "<h3[^>]*>", "</h3>"))
                .containsExactly("Überblick", "Ursachenanalyse", "Lösung", "Behebung");
        assertThat(postMortem).contains("Am 5. Juli 2024 von 10:54 UTC bis 13:36 UTC")
                .contains("falschen Speicherort").contains("Durch dieses Rollback");
        assertThat(Html.texts(postMortem, "<li class=\"(?:open|done)\">", "</li>")).containsExactly(
                "○ Offen Improved testing: improve our test processes to catch similar problems before they reach production",
                "○ Offen Configuration management: use separate settings for different services so that a change to one "
                        + "service cannot inadvertently affect another",
                "○ Offen Monitoring and alerting: improve monitoring and alerting to detect and respond to problems faster");

        String languages = Html.section(html, "<nav class=\"languages\"", "</nav>");
        assertThat(Html.texts(languages, "<li>", "</li>"))
                .containsExactly("English (Original)", "Deutsch (maschinelle Übersetzung)");
        assertThat(languages).contains("aria-current=\"page\"");
    }

    @Test
    void inEnglishTheOriginalIsShownWithoutDisclaimerAndAcceptLanguageChoosesGerman() {
        String english = Html.page(api.get(REFERENCE).send());
        assertThat(english).contains("<html lang=\"en\">").contains("<h1>Call recordings unavailable for some Talk customers</h1>")
                .doesNotContain("class=\"disclaimer\"").contains("Post-mortem").contains("Times are shown in UTC.");
        assertThat(Html.text(english)).contains("2024-07-05 13:52 UTC").doesNotContain(" · ");
        assertThat(Html.texts(english, "<li id=\"update-[^\"]+\" class=\"update\">", "</li>").get(0))
                .startsWith("Resolved The changes have been successfully rolled back");

        String german = Html.page(api.get(REFERENCE).header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5").send());
        assertThat(german).contains("<html lang=\"de\">").contains("Anrufaufzeichnungen").contains("Hinweis zur Übersetzung");

        var frenchResponse = api.get(REFERENCE + "?lang=fr").send();
        String french = Html.page(frenchResponse);
        assertThat(french).as("a language without translation shows the original")
                .contains("<html lang=\"en\">").doesNotContain("class=\"disclaimer\"");
        assertThat(frenchResponse.header("Content-Language")).as("and says which language was served").isEqualTo("en");
        assertThat(api.get(REFERENCE + "?lang=de").send().header("Content-Language")).isEqualTo("de");
        assertThat(api.get("/?lang=fr").send().header("Content-Language")).as("the front page's own words").isEqualTo("en");
        assertThat(api.get("/?lang=de").send().header("Content-Language")).isEqualTo("de");
        assertThat(api.get(REFERENCE + "?lang=zz").send().status()).as("a tag naming no language").isEqualTo(400);
    }

    @Test
    void theZoneComesFromTheParameterElseTheCookieElseUtcWithTheAbbreviationOfTheDate() {
        String incident = ApiClient.uniqueId("winter");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "occurredAt", "2024-01-15T18:00:00Z"),
                "message", "Winter time in Los Angeles."));
        String path = "/incidents/" + incident;
        await(path);

        assertThat(main(api.get(path + "?tz=America/Los_Angeles").send())).contains("2024-01-15 18:00 UTC · 2024-01-15 10:00 PST")
                .doesNotContain("PDT");
        String fromCookie = Html.page(api.get(path).header("Cookie", "tz=Europe/Berlin").send());
        assertThat(Html.text(fromCookie)).contains("2024-01-15 18:00 UTC · 2024-01-15 19:00 CET");
        assertThat(fromCookie).contains("Times are shown in UTC and in Europe/Berlin");
        assertThat(Html.page(api.get("/time-zones?back=" + path).header("Cookie", "tz=Europe/Berlin").send()))
                .as("the picker preselects the reader's zone")
                .contains("<option value=\"Europe/Berlin\" selected=\"selected\">Europe/Berlin</option>");
        assertThat(main(api.get(path + "?tz=Asia/Tokyo").header("Cookie", "tz=Europe/Berlin").send()))
                .as("the parameter wins over the cookie").contains("2024-01-16 03:00 JST").doesNotContain("CET");
        assertThat(main(api.get(path).header("Cookie", "tz=Mars/Olympus_Mons").send()))
                .as("a cookie that is no zone is ignored").contains("2024-01-15 18:00 UTC").doesNotContain(" · ");
    }

    @Test
    void theZonePickerRemembersTheZoneAndReturnsOnlyToThisSite() {
        var chosen = api.get("/time-zone?tz=America/Los_Angeles&back=/incidents/x%3Flang%3Dde").send();
        assertThat(chosen.status()).isEqualTo(303);
        assertThat(chosen.header("Location")).isEqualTo("/incidents/x?lang=de");
        assertThat(chosen.header("Set-Cookie")).startsWith("tz=America/Los_Angeles;").contains("Path=/")
                .contains("HttpOnly").contains("SameSite=Lax").contains("Max-Age=31536000");
        assertThat(chosen.header("Cache-Control")).isEqualTo("no-store");

        assertThat(api.get("/time-zone?tz=UTC&back=//evil.example/").send().header("Location")).isEqualTo("/");
        assertThat(api.get("/time-zone?tz=UTC&back=https://evil.example/").send().header("Location")).isEqualTo("/");
        assertThat(api.get("/time-zone?tz=UTC&back=/%5Cevil.example").send().header("Location")).isEqualTo("/");
        assertThat(api.get("/time-zone?tz=&back=/").send().header("Set-Cookie")).startsWith("tz=;").contains("Max-Age=0");

        var refused = api.get("/time-zone?tz=Mars/Olympus_Mons&back=/").send();
        assertThat(refused.status()).isEqualTo(400);
        Html.assertHtml(refused);
        assertThat(refused.body()).contains("Mars/Olympus_Mons").contains("IANA");
    }

    @Test
    void correctionsAreMarkedEditedInternalUpdatesAreAbsentAndEveryTextIsEscaped() {
        String incident = ApiClient.uniqueId("escape");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "title",
                "Checkout <b>broken</b> & \"slow\""), "message", "<script>alert('first')</script>"));
        String corrected = ApiClient.uniqueId("upd");
        Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "Cause found, wrong wording"), "updateId", corrected));
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/updates/" + corrected + "/amendments",
                Map.of("message", "Cause found: a <img src=x onerror=alert(2)> certificate expired", "reason", "wording"));
        Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "INTERNAL-ONLY paging the database team"),
                "visibility", "internal"));
        String path = "/incidents/" + incident;
        String html = Eventually.until(() -> api.get(path).send(),
                r -> r.status() == 200 && r.body().contains("certificate expired"), "the amendment on the page").body();

        assertThat(html).contains("<h1>Checkout &lt;b&gt;broken&lt;/b&gt; &amp; &quot;slow&quot;</h1>")
                .contains("&lt;script&gt;alert(&#39;first&#39;)&lt;/script&gt;")
                .contains("Cause found: a &lt;img src=x onerror=alert(2)&gt; certificate expired")
                .doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .doesNotContain("INTERNAL-ONLY").doesNotContain("wrong wording");
        var updates = Html.texts(html, "<li id=\"update-[^\"]+\" class=\"update\">", "</li>");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).contains("certificate expired").containsPattern("\\(edited \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)");
        assertThat(updates.get(1)).contains("alert").doesNotContain("edited");
    }

    @Test
    void anUnknownIncidentIsA404PageAndBadParametersA400PageNamingThem() {
        var missing = api.get("/incidents/no-such-incident").send();
        assertThat(missing.status()).isEqualTo(404);
        Html.assertHtml(missing);
        assertThat(missing.body()).contains("Not found").contains("There is no public incident at this address.");
        var internalOnly = ApiClient.uniqueId("hidden");
        Incidents.declare(api, Bodies.with(Bodies.declaration(internalOnly), "visibility", "internal"));
        assertThat(api.get("/incidents/" + internalOnly).send().status()).as("not public, so not found").isEqualTo(404);
        assertThat(api.get("/incidents/no-such-incident").header("Accept-Language", "de").send().body())
                .contains("<html lang=\"de\">").contains("Nicht gefunden");

        var badZone = api.get(REFERENCE + "?tz=Mars/Olympus_Mons").send();
        assertThat(badZone.status()).isEqualTo(400);
        Html.assertHtml(badZone);
        assertThat(badZone.body()).contains("The parameter tz with the value “Mars/Olympus_Mons” is not a time zone");
        var badLanguage = api.get(REFERENCE + "?lang=not%20a%20language").send();
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.body()).contains("The parameter lang with the value “not a language”");
        assertThat(api.get(REFERENCE + "?lang=de&tz=%3Cscript%3E").send().body())
                .contains("„&lt;script&gt;“").doesNotContain("<script");

        assertThat(Html.page(api.get(REFERENCE).header("Accept-Language", "de;q=x;;").send()))
                .as("a malformed Accept-Language is the browser's doing: ignored").contains("<html lang=\"en\">");
    }

    private static String main(ApiClient.Response response) {
        return Html.text(Html.section(Html.page(response), "<main", "</main>"));
    }

    private void await(String path) {
        Eventually.until(() -> api.get(path).send().status(), status -> status == 200, path + " on the page");
    }
}
