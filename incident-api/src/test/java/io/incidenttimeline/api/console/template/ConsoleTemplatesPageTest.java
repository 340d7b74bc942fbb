package io.incidenttimeline.api.console.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.ConsoleClient.Form;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Managing templates from the console over real HTTP: created, changed (a stale form is a 409 with the input kept),
 * refused next to the field, retired; what the console does is what the API then shows. Auditors only read.
 */
class ConsoleTemplatesPageTest extends ApiIntegrationTest {

    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    private int port;

    @Test
    void aTemplateCreatedInTheConsoleIsWhatTheApiListsAndItsPageCarriesItsVersion() {
        String component = ApiClient.uniqueId("tplpage");
        Incidents.defineComponent(api, component, "Storage", "Core", 5);
        String name = ApiClient.uniqueId("console-made");
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);

        var blank = browser.get("/console/templates/new");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("name=\"text.0.locale\"").contains("name=\"text.1.locale\"")
                .contains("href=\"/console/templates\"");
        var created = browser.post("/console/templates", creation(blank.body(), name, component)
                .add("text.1.locale", "de").add("text.1.title", "{component} ist langsam")
                .add("text.1.message", "Wir untersuchen ({ticket})."));
        assertThat(created.status()).as(created.toString()).isEqualTo(303);
        assertThat(created.location()).endsWith("/console/templates/" + name + "?seen=0");

        JsonNode listed = Eventually.until(() -> find(api.get("/api/v1/templates").as(ApiClient.AUDITOR).send().json(),
                name), t -> t != null, "the console's template in the API's list");
        assertThat(listed.get("kind").asText()).isEqualTo("declaration");
        assertThat(listed.at("/texts/en/title").asText()).isEqualTo("{component} is slow");
        assertThat(listed.at("/texts/de/message").asText()).isEqualTo("Wir untersuchen ({ticket}).");
        assertThat(listed.get("impact").asText()).isEqualTo("minor");
        assertThat(listed.at("/components/" + component).asText()).isEqualTo("degraded_performance");
        assertThat(listed.get("nextUpdateInMinutes").asInt()).isEqualTo(30);

        var page = browser.get(created.location());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("version 0").contains("name=\"version\" value=\"0\"")
                .contains("Wir untersuchen ({ticket}).");
        String list = Eventually.until(() -> browser.get("/console/templates").body(), b -> b.contains(name),
                "the template in the console's list");
        assertThat(list).contains("data-template=\"" + name + "\"");
    }

    @Test
    void aChangeWithTheCurrentVersionChangesItAndAStaleFormIsA409WithTheInputKept() {
        String name = createdByApi("console-change");
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var page = browser.get("/console/templates/" + name);
        assertThat(page.status()).isEqualTo(200);

        var changed = browser.post("/console/templates/" + name, change(page.body(), "We look into it (v2)."));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(303);
        assertThat(changed.location()).endsWith("?seen=1");
        var template = api.get("/api/v1/templates/" + name).as(ApiClient.AUDITOR).send().json();
        assertThat(template.at("/texts/en/message").asText()).isEqualTo("We look into it (v2).");
        assertThat(template.get("version").asLong()).isEqualTo(1);
        assertThat(template.get("changedBy").asText()).isNotBlank();

        var opened = browser.get(changed.location());
        assertThat(opened.body()).contains("name=\"version\" value=\"1\"");
        var meanwhile = api.put("/api/v1/templates/" + name).as(ApiClient.RESPONDER).header("If-Match", "\"1\"")
                .json(body("From the API meanwhile.")).send();
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);

        var stale = browser.post("/console/templates/" + name, change(opened.body(), "Typed over a stale page."));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body()).contains("The template changed since you opened it")
                .contains("Typed over a stale page.").contains("From the API meanwhile.")
                .contains("name=\"version\" value=\"2\"");
        assertThat(api.get("/api/v1/templates/" + name).as(ApiClient.AUDITOR).send().json()
                .at("/texts/en/message").asText()).isEqualTo("From the API meanwhile.");

        var again = browser.post("/console/templates/" + name, change(stale.body(), "Typed over a stale page."));
        assertThat(again.status()).as(again.toString()).isEqualTo(303);
        assertThat(api.get("/api/v1/templates/" + name).as(ApiClient.AUDITOR).send().json()
                .at("/texts/en/message").asText()).isEqualTo("Typed over a stale page.");
    }

    @Test
    void aRefusalIsShownNextToTheFieldItNamesWithTheInputKept() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var blank = browser.get("/console/templates/new");

        var badName = browser.post("/console/templates", Form.of("formKey", key(blank.body()), "name", "Bad Name!",
                "kind", "update", "defaultLocale", "en", "text.0.locale", "en", "text.0.message", "Kept message."));
        assertThat(badName.status()).as(badName.toString()).isEqualTo(400);
        assertThat(badName.body()).contains("id=\"name-problem\"").contains("value=\"Bad Name!\"")
                .contains("Kept message.");

        String name = ApiClient.uniqueId("console-nodefault");
        var noDefault = browser.post("/console/templates", Form.of("formKey", key(badName.body()), "name", name,
                "kind", "update", "defaultLocale", "en", "text.0.locale", "de", "text.0.message", "Nur deutsch."));
        assertThat(noDefault.status()).as(noDefault.toString()).isEqualTo(400);
        assertThat(noDefault.body()).contains("id=\"texts-problem\">texts has no text in the default language en")
                .contains("Nur deutsch.");

        var noMessage = browser.post("/console/templates", Form.of("formKey", key(noDefault.body()), "name", name,
                "kind", "declaration", "defaultLocale", "en", "text.0.locale", "en", "text.0.title", "Kept title",
                "text.0.message", ""));
        assertThat(noMessage.status()).as(noMessage.toString()).isEqualTo(400);
        assertThat(noMessage.body()).contains("id=\"text-0-message-problem\"").contains("value=\"Kept title\"");
        assertThat(api.get("/api/v1/templates/" + name).as(ApiClient.AUDITOR).send().status()).isEqualTo(404);
    }

    @Test
    void aRetiredTemplateIsListedAsRetiredAndHasNoFormsAnyMore() {
        String name = createdByApi("console-retire");
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var page = browser.get("/console/templates/" + name);

        var retired = browser.post("/console/templates/" + name + "/retire", Form.of("version", version(page.body()),
                "formKey", retireKey(page.body())));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(303);
        assertThat(api.get("/api/v1/templates/" + name).as(ApiClient.AUDITOR).send().json().get("retired").asBoolean())
                .isTrue();

        String list = Eventually.until(() -> browser.get("/console/templates").body(),
                b -> row(b, name).contains("tag--retired"), "the template listed as retired");
        assertThat(row(list, name)).contains(">retired<");
        var after = browser.get("/console/templates/" + name + "?seen=1");
        assertThat(after.body()).contains("This template was retired").doesNotContain("id=\"change\"")
                .doesNotContain("id=\"retire\"");
    }

    @Test
    void anAuditorReadsTheTemplatesWithoutFormsAndTheirPostsGetTheConsoles403Page() {
        String name = createdByApi("console-audit");
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        String list = Eventually.until(() -> browser.get("/console/templates").body(), b -> b.contains(name),
                "the template in the auditor's list");
        assertThat(list).doesNotContain("Create a template").contains("Templates");
        var page = browser.get("/console/templates/" + name);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("We look into it.").doesNotContain("id=\"change\"")
                .doesNotContain("id=\"retire\"");
        assertThat(browser.get("/console/templates/new").status()).isEqualTo(403);

        var change = browser.post("/console/templates/" + name, Form.of("version", "0", "kind", "update",
                "defaultLocale", "en", "text.0.locale", "en", "text.0.message", "Auditor text."));
        var retire = browser.post("/console/templates/" + name + "/retire", Form.of("version", "0"));
        var create = browser.post("/console/templates", Form.of("name", ApiClient.uniqueId("audit"), "kind", "update",
                "defaultLocale", "en", "text.0.locale", "en", "text.0.message", "Auditor text."));
        for (var answer : new ConsoleClient.Page[] {change, retire, create}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.body()).contains("Your role may not do this");
        }
        var template = api.get("/api/v1/templates/" + name).as(ApiClient.AUDITOR).send().json();
        assertThat(template.get("version").asLong()).isZero();
        assertThat(template.get("retired").asBoolean()).isFalse();
    }

    private String createdByApi(String prefix) {
        String name = ApiClient.uniqueId(prefix);
        Map<String, Object> body = new java.util.LinkedHashMap<>(body("We look into it."));
        body.put("name", name);
        var created = api.post("/api/v1/templates").as(ApiClient.RESPONDER).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static Map<String, Object> body(String message) {
        return Map.of("kind", "update", "defaultLocale", "en", "texts", Map.of("en", Map.of("message", message)),
                "status", "identified");
    }

    private static Form creation(String page, String name, String component) {
        return Form.of("formKey", key(page), "name", name, "kind", "declaration", "defaultLocale", "en",
                "text.0.locale", "en", "text.0.title", "{component} is slow", "text.0.message",
                "Requests are slow ({ticket}). Next update by {next_update}.", "impact", "minor", "status",
                "investigating", "visibility", "public", "component." + component, "degraded_performance",
                "nextUpdateInMinutes", "30");
    }

    private static Form change(String page, String message) {
        return Form.of("formKey", key(page), "version", version(page), "kind", "update", "defaultLocale", "en",
                "text.0.locale", "en", "text.0.title", "", "text.0.message", message, "status", "identified",
                "text.1.locale", "", "text.1.title", "", "text.1.message", "");
    }

    private static String key(String page) {
        Matcher key = FORM_KEY.matcher(page);
        assertThat(key.find()).as("a form key on the page").isTrue();
        return key.group(1);
    }

    private static String retireKey(String page) {
        Matcher key = FORM_KEY.matcher(page.substring(page.indexOf("id=\"retire\"")));
        assertThat(key.find()).as("the retire form's key").isTrue();
        return key.group(1);
    }

    private static String version(String page) {
        Matcher version = VERSION.matcher(page);
        assertThat(version.find()).as("the template's version on the page").isTrue();
        return version.group(1);
    }

    private static String row(String list, String name) {
        int start = list.indexOf("data-template=\"" + name + "\"");
        return start < 0 ? "" : list.substring(start, list.indexOf("</tr>", start));
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode template : list.get("templates")) {
            if (template.get("name").asText().equals(name)) {
                return template;
            }
        }
        return null;
    }
}
