package io.incidenttimeline.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.ConsoleClient.Form;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Picking a template in the console's declare form, without JavaScript: the form comes back filled in, what the
 * template leaves to the person must be replaced, and the incident carries the text as sent.
 */
class ConsoleTemplateTest extends ApiIntegrationTest {

    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Test
    void aPickedTemplateFillsTheDeclareFormInAndWhatItLeavesMustBeReplacedBeforeDeclaring() {
        String component = ApiClient.uniqueId("tpl-console");
        Incidents.defineComponent(api, component, "Checkout", "Shop", 4);
        String name = ApiClient.uniqueId("console-decl");
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        template.put("kind", "declaration");
        template.put("defaultLocale", "en");
        template.put("texts", Map.of("en", Map.of("title", "{component} is slow",
                "message", "Checkout requests take long ({ticket}). Next update by {next_update}.")));
        template.put("impact", "minor");
        template.put("status", "identified");
        template.put("visibility", "internal");
        template.put("components", Map.of(component, "degraded_performance"));
        template.put("nextUpdateInMinutes", 45);
        assertThat(api.post("/api/v1/templates").as(ApiClient.RESPONDER).json(template).send().status()).isEqualTo(201);

        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        String blank = Eventually.until(() -> browser.get("/console/incidents/new").body(),
                body -> body.contains("value=\"" + name + "\""), "the template in the picker");
        assertThat(blank).contains("name=\"template\"").contains("Start from a template");

        var filled = browser.get("/console/incidents/new?template=" + name);
        assertThat(filled.status()).isEqualTo(200);
        assertThat(filled.body()).contains("value=\"Checkout is slow\"")
                .contains("Checkout requests take long ({ticket}). Next update by ")
                .contains("name=\"template\" value=\"" + name + "\"")
                .contains("value=\"45\"");
        assertThat(filled.body()).containsPattern("<option value=\"degraded_performance\"\\s+selected=\"selected\"");

        var leftOver = browser.post("/console/incidents", form(filled.body(), name, component,
                "Checkout requests take long ({ticket})."));
        assertThat(leftOver.status()).as(leftOver.toString()).isEqualTo(400);
        assertThat(leftOver.body()).contains("id=\"message-problem\">Replace {ticket}");

        var declared = browser.post("/console/incidents", form(leftOver.body(), name, component,
                "Checkout requests take long (OPS-3)."));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(303);
        String id = declared.location().substring("/console/incidents/".length()).replaceFirst("\\?seen=\\d+$", "");
        JsonNode events = api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send().json()
                .get("events");
        assertThat(events.get(0).at("/payload/title").asText()).isEqualTo("Checkout is slow");
        assertThat(events.get(0).at("/payload/components/" + component).asText()).isEqualTo("degraded_performance");
        assertThat(events.get(1).at("/payload/message").asText()).isEqualTo("Checkout requests take long (OPS-3).");
        assertThat(events.get(1).at("/payload/status").asText()).isEqualTo("identified");
        assertThat(events.get(1).at("/payload/visibility").asText()).isEqualTo("internal");
    }

    @Test
    void anUnknownTemplateGivesABlankFormWithTheReason() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var page = browser.get("/console/incidents/new?template=" + ApiClient.uniqueId("never"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("no template is named").contains("name=\"title\"");
    }

    /** The form as the template filled it in, with {@code message} typed over its first update. */
    private static Form form(String page, String template, String component, String message) {
        Matcher key = FORM_KEY.matcher(page);
        assertThat(key.find()).as("a form key on the page").isTrue();
        return Form.of("formKey", key.group(1), "template", template, "title", "Checkout is slow", "impact", "minor",
                "status", "identified", "message", message, "visibility", "internal", "locale", "en",
                "nextUpdateInMinutes", "45", "component." + component, "degraded_performance");
    }
}
