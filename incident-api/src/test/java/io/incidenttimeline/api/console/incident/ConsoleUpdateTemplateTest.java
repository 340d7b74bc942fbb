package io.incidenttimeline.api.console.incident;

import static io.incidenttimeline.api.console.incident.ConsoleIncidentPages.stamped;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The incident page's update form started from a picked template: filled in by a plain GET, then posted as text. */
class ConsoleUpdateTemplateTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void aPickedUpdateTemplateFillsTheFormInAndWhatItLeavesMustBeReplacedBeforePosting() {
        String component = ApiClient.uniqueId("tpl-upd");
        Incidents.defineComponent(api, component, "Search", "Shop", 7);
        String id = ApiClient.uniqueId("console-tpl");
        Incidents.declare(api, Bodies.with(Bodies.declaration(id), "components", Map.of(component, "partial_outage")));
        String name = ApiClient.uniqueId("console-upd");
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        template.put("kind", "update");
        template.put("defaultLocale", "en");
        template.put("texts", Map.of("en", Map.of("message", "A fix for {component} is rolling out, done by {eta}.")));
        template.put("status", "monitoring");
        template.put("components", Map.of(component, "degraded_performance"));
        template.put("nextUpdateInMinutes", 20);
        assertThat(api.post("/api/v1/templates").as(ApiClient.RESPONDER).json(template).send().status()).isEqualTo(201);

        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        Eventually.until(() -> browser.get("/console/incidents/" + id).body(), body -> body.contains("value=\"" + name
                + "\""), "the template in the incident page's picker");
        var filled = browser.get("/console/incidents/" + id + "?template=" + name);
        assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
        assertThat(filled.body()).contains(">A fix for Search is rolling out, done by {eta}.</textarea>")
                .contains("name=\"template\" value=\"" + name + "\"").contains("value=\"20\"");

        var leftOver = browser.post("/console/incidents/" + id + "/updates", stamped(filled, "action", "post",
                "template", name, "status", "monitoring", "message", "A fix for Search is rolling out, done by {eta}.",
                "impact", "minor", "visibility", "public", "components." + component, "degraded_performance"));
        assertThat(leftOver.status()).as(leftOver.toString()).isEqualTo(400);
        assertThat(leftOver.body()).contains("Replace {eta} with what the template leaves to you.");

        var posted = browser.post("/console/incidents/" + id + "/updates", stamped(filled, "action", "post",
                "template", name, "status", "monitoring", "message", "A fix for Search is rolling out, done by 15:00.",
                "impact", "minor", "visibility", "public", "components." + component, "degraded_performance"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        var events = api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send().json().get("events");
        assertThat(events.get(2).at("/payload/message").asText())
                .isEqualTo("A fix for Search is rolling out, done by 15:00.");
        assertThat(events.get(2).at("/payload/status").asText()).isEqualTo("monitoring");
        assertThat(events.get(2).at("/payload/components/" + component).asText()).isEqualTo("degraded_performance");

        var unknown = browser.get("/console/incidents/" + id + "?template=" + ApiClient.uniqueId("none"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("no template is named");
    }
}
