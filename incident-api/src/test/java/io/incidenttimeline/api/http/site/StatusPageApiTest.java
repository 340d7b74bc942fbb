package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The front page over real HTTP: components grouped in position order with uptime bars computed from the component
 * status history, open incidents, maintenance, and the incidents of the last 14 days.
 */
class StatusPageApiTest extends ApiIntegrationTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH);
    private static final DateTimeFormatter HISTORY_DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);

    @Test
    void componentsShowTheirUptimeBarsAndTheFrontPageItsIncidents() {
        String run = ApiClient.uniqueId("front");
        String group = "Front " + run;
        String payments = run + "-payments";
        String webhooks = run + "-webhooks";
        String search = run + "-search";
        Incidents.defineComponent(api, payments, "Payments " + run, group, 41);
        Incidents.defineComponent(api, webhooks, "Webhooks " + run, group, 40);
        Incidents.defineComponent(api, search, "Search " + run, group, 42);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String windowed = run + "-windowed";
        declare(windowed, "Payments failed " + run, at(today.minusDays(2), "11:00"), Map.of(payments, "major_outage"));
        resolve(windowed, at(today.minusDays(2), "12:00"), Map.of(payments, "operational"));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + windowed + "/impact-window", Map.of(
                "startedAt", at(today.minusDays(2), "10:30"), "endedAt", at(today.minusDays(2), "11:45")));
        String overnight = run + "-overnight";
        declare(overnight, "Search slow overnight " + run, at(today.minusDays(3), "23:00"), Map.of(search, "partial_outage"));
        resolve(overnight, at(today.minusDays(2), "01:30"), Map.of(search, "operational"));
        String degraded = run + "-degraded";
        declare(degraded, "Webhooks delayed " + run, at(today.minusDays(1), "09:00"), Map.of(webhooks, "degraded_performance"));
        resolve(degraded, at(today.minusDays(1), "10:00"), Map.of());
        String old = run + "-old";
        declare(old, "Old incident " + run, at(today.minusDays(20), "08:00"), Map.of(search, "major_outage"));
        resolve(old, at(today.minusDays(20), "08:30"), Map.of());
        String open = run + "-open";
        declare(open, "Webhooks failing now <b>" + run + "</b>", null, Map.of(webhooks, "partial_outage"));
        Incidents.post(api, open, Bodies.with(Bodies.update("identified", "SECRET internal note " + run), "visibility", "internal"));
        String hidden = run + "-hidden";
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(hidden), "visibility", "internal"),
                "title", "Never public " + run));

        String html = Eventually.until(() -> api.get("/").send().body(),
                body -> body.contains("Webhooks failing now") && body.contains("75 min of outage")
                        && body.contains("90 min of outage") && body.contains("60 min degraded")
                        && body.contains(DAY.format(today.minusDays(20)) + ": Major outage, 30 min of outage"),
                "the front page with all of it");
        String text = Html.text(Html.page(api.get("/").send()));

        String components = Html.section(html, "<h3 class=\"group__name\">" + group + "</h3>", "</section>");
        assertThat(Html.texts(components, "<h4 class=\"component__name\">", "</h4>"))
                .containsExactly("Webhooks " + run, "Payments " + run, "Search " + run);

        String paymentsBar = component(components, "Payments " + run);
        assertThat(paymentsBar).contains("status--operational\">Operational</span>");
        assertThat(Html.texts(paymentsBar, "<li class=\"day ", "</li>")).hasSize(90);
        assertThat(paymentsBar).contains("title=\"" + DAY.format(today.minusDays(2)) + ": Major outage, 75 min of outage\"")
                .contains("title=\"" + DAY.format(today.minusDays(3)) + ": no data\"")
                .contains("class=\"day day--major_outage\"");
        assertThat(Html.texts(paymentsBar, "<summary>", "</summary>")).containsExactly("Days with issues (1)");
        assertThat(Html.texts(paymentsBar, "<div class=\"uptime__caption uptime__caption--90\">", "</div>").get(0))
                .as("a component younger than the window: uptime over its own lifetime, since its first known day")
                .matches("90 days ago 9\\d\\.\\d\\d % uptime since "
                        + Pattern.quote(DAY.format(today.minusDays(2))) + " Today");

        String searchBar = component(components, "Search " + run);
        assertThat(Html.texts(searchBar, "<details class=\"uptime__issues\">.*?<ul>", "</ul>").get(0))
                .as("newest first, each with its worst status and minutes of outage")
                .isEqualTo(DAY.format(today.minusDays(2)) + ": Partial outage, 90 min of outage "
                        + DAY.format(today.minusDays(3)) + ": Partial outage, 60 min of outage "
                        + DAY.format(today.minusDays(20)) + ": Major outage, 30 min of outage");

        String webhooksBar = component(components, "Webhooks " + run);
        assertThat(webhooksBar).contains("status--partial_outage\">Partial outage</span>")
                .contains("title=\"" + DAY.format(today.minusDays(1)) + ": Degraded performance, 60 min degraded, no outage\"");
        assertThat(Html.text(webhooksBar)).as("degraded performance is no outage, the ongoing one is")
                .doesNotContain("100.00 %");

        String active = Html.section(html, "<h2 id=\"active-heading\"", "</section>");
        assertThat(active).contains("href=\"/incidents/" + open + "\"").contains("Webhooks failing now &lt;b&gt;" + run)
                .doesNotContain(windowed);
        assertThat(html).doesNotContain("SECRET").doesNotContain("Never public").doesNotContain("<b>" + run);
        assertThat(text).doesNotContain("All Systems Operational");

        String history = Html.section(html, "<h2 id=\"history-heading\"", "</main>");
        assertThat(Html.texts(history, "<h3>", "</h3>")).hasSize(14)
                .startsWith(HISTORY_DAY.format(today), HISTORY_DAY.format(today.minusDays(1)));
        assertThat(day(history, today.minusDays(2))).contains("Payments failed " + run).contains("Resolved");
        assertThat(day(history, today.minusDays(3))).contains("Search slow overnight " + run);
        assertThat(day(history, today.minusDays(1))).contains("Webhooks delayed " + run);
        assertThat(day(history, today)).contains("Webhooks failing now");
        assertThat(history).doesNotContain("Old incident " + run);

        Map<String, Object> maintenance = new java.util.LinkedHashMap<>();
        maintenance.put("id", run + "-upgrade");
        maintenance.put("title", "Search upgrade " + run);
        maintenance.put("message", "Search pauses for a few minutes.");
        maintenance.put("components", List.of(search));
        maintenance.put("scheduledFor", Instant.now().plus(Duration.ofDays(2)).toString());
        maintenance.put("scheduledUntil", Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofHours(1)).toString());
        maintenance.put("autoStart", false);
        Incidents.command(api, "POST", "/api/v1/maintenances", maintenance);
        String scheduled = Eventually.until(() -> api.get("/").send().body(),
                body -> body.contains("Search upgrade " + run), "the announced maintenance on the front page");
        assertThat(Html.text(Html.section(scheduled, "<h2 id=\"maintenance-heading\"", "</section>")))
                .contains("Search upgrade " + run).contains("Search " + run);
    }

    @Test
    void theFrontPageSpeaksTheReadersLanguage() {
        String component = ApiClient.uniqueId("sprache");
        Incidents.defineComponent(api, component, "Sprache " + component, null, 90);
        String german = Eventually.until(() -> Html.page(api.get("/?lang=de").send()),
                body -> body.contains("Sprache " + component), "the component on the page");
        assertThat(german).contains("<html lang=\"de\">").contains("Komponenten").contains("Frühere Vorfälle")
                .contains("Weitere Komponenten").contains("Verfügbarkeit seit");
        assertThat(Html.texts(Html.section(german, "<nav class=\"languages\"", "</nav>"), "<li>", "</li>"))
                .containsExactly("English", "Deutsch");
        assertThat(Html.page(api.get("/").header("Accept-Language", "de-AT").send())).contains("<html lang=\"de\">");
        assertThat(Html.page(api.get("/").header("Accept-Language", "fr").send())).contains("<html lang=\"en\">");

        String translated = ApiClient.uniqueId("uebersetzt");
        Incidents.declare(api, Bodies.with(Bodies.declaration(translated), "title", "Checkout fails " + translated));
        Incidents.command(api, "POST", "/api/v1/incidents/" + translated + "/translations",
                Map.of("locale", "de", "machineTranslated", true, "title", "Kasse gestört " + translated));
        // the incident reaches the page first (Html.section asserts it is there), then its translation
        String link = "href=\"/incidents/" + translated + "?lang=de\"";
        String page = Eventually.until(() -> api.get("/?lang=de").send().body(),
                body -> body.contains(link) && Html.text(Html.section(body, link, "</li>"))
                        .contains("Kasse gestört " + translated), "the German title on the front page");
        String line = Html.text(Html.section(page, link, "</li>"));
        assertThat(line).contains("Kasse gestört " + translated).contains("(maschinelle Übersetzung)");

        var refused = api.get("/?tz=Not/A_Zone").send();
        assertThat(refused.status()).isEqualTo(400);
        Html.assertHtml(refused);
    }

    @Test
    void thePagesStayOutOfTheApiDescription() {
        var paths = api.get("/v3/api-docs/complete").as(ApiClient.ADMIN).send().json().get("paths");
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).isNotEmpty().allMatch(path -> path.startsWith("/api/"), "an API path");
    }

    private static String component(String components, String name) {
        return Html.section(components, "<h4 class=\"component__name\">" + name + "</h4>", "</figure>");
    }

    private static String day(String history, LocalDate date) {
        return Html.section(history, "<time datetime=\"" + date + "\">", "</section>");
    }

    @Test
    void aNewComponentsUptimeIsSinceItsDefinitionInEachWindowAndNarrowScreensHideTheOldestDays() {
        String run = ApiClient.uniqueId("young");
        Incidents.defineComponent(api, run, "Young " + run, "Young " + run, 1);
        String today = DAY.format(LocalDate.now(ZoneOffset.UTC));
        String html = Eventually.until(() -> api.get("/").send().body(), body -> body.contains("Young " + run + "</h4>"),
                "the new component on the front page");
        String bar = component(Html.section(html, "<h3 class=\"group__name\">Young " + run + "</h3>", "</section>"),
                "Young " + run);

        for (int days : List.of(90, 60, 30)) {
            assertThat(Html.texts(bar, "<div class=\"uptime__caption uptime__caption--" + days + "\">", "</div>"))
                    .as("the caption of the %d days a screen may show", days)
                    .containsExactly(days + " days ago 100.00 % uptime since " + today + " Today");
        }
        assertThat(bar).doesNotContain("over the last");
        assertThat(Html.texts(bar, "<li class=\"day [^\"]*day--beyond-60\"", "</li>")).as("hidden below 900px").hasSize(30);
        assertThat(Html.texts(bar, "<li class=\"day [^\"]*day--beyond-30\"", "</li>")).as("hidden below 600px too")
                .hasSize(30);
        assertThat(Html.texts(bar, "<li class=\"day day--[a-z_]+\"", "</li>")).as("shown on every screen").hasSize(30);
    }

    private static String at(LocalDate day, String time) {
        return day + "T" + time + ":00Z";
    }

    private void declare(String id, String title, String occurredAt, Map<String, String> components) {
        Map<String, Object> body = new LinkedHashMap<>(Bodies.declaration(id));
        body.put("title", title);
        body.put("impact", "major");
        body.put("components", components);
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        Incidents.declare(api, body);
    }

    private void resolve(String id, String occurredAt, Map<String, String> components) {
        Incidents.post(api, id, Bodies.with(Bodies.with(Bodies.update("resolved", "Resolved."), "occurredAt", occurredAt),
                "components", components));
    }
}
