package io.incidenttimeline.api.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates over HTTP: created, applied on a declaration and an update, changed and retired afterwards, while the
 * incident keeps the text the template produced; and what is refused, naming the field.
 */
class TemplateApiTest extends ApiIntegrationTest {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd ").withZone(ZoneOffset.UTC);

    /** How {next_update} words a promise made at {@code now}: with the date when it falls on another UTC day. */
    private static String worded(Instant due, Instant now) {
        return (DAY.format(due).equals(DAY.format(now)) ? "" : DAY.format(due)) + HH_MM.format(due) + " UTC";
    }

    private static Map<String, Object> declarationTemplate(String name, String component) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "declaration");
        body.put("defaultLocale", "en");
        body.put("texts", Map.of(
                "en", Map.of("title", "{component} degraded", "message",
                        "We are investigating problems with {component} ({ticket}). Next update by {next_update}."),
                "de", Map.of("title", "{component} beeinträchtigt", "message",
                        "Wir untersuchen Probleme mit {component} ({ticket}). Nächstes Update bis {next_update}.")));
        body.put("impact", "major");
        body.put("status", "investigating");
        body.put("visibility", "public");
        body.put("components", Map.of(component, "partial_outage"));
        body.put("nextUpdateInMinutes", 30);
        return body;
    }

    private static Map<String, Object> updateTemplate(String name, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "update");
        body.put("defaultLocale", "en");
        body.put("texts", Map.of("en", Map.of("message", message)));
        body.put("status", "monitoring");
        body.put("visibility", "public");
        return body;
    }

    private ApiClient.Response create(Map<String, Object> body) {
        return api.post("/api/v1/templates").as(ApiClient.RESPONDER).json(body).send();
    }

    private JsonNode events(String incident) {
        var response = api.get("/api/v1/incidents/" + incident + "/events").as(ApiClient.AUDITOR).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("events");
    }

    @Test
    void aTemplateFillsInADeclarationAndAnUpdateAndLaterChangesLeaveTheIncidentAsItWas() {
        String component = ApiClient.uniqueId("tpl-c");
        Incidents.defineComponent(api, component, "Call recordings", "Talk", 5);
        String declaration = ApiClient.uniqueId("declared");
        var created = create(declarationTemplate(declaration, component));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/templates/" + declaration);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        String monitoring = ApiClient.uniqueId("monitoring");
        assertThat(create(updateTemplate(monitoring, "A fix for {component} is deployed; we are watching it."))
                .status()).isEqualTo(201);

        // applied at once, from the event store: no waiting for the template view
        String incident = ApiClient.uniqueId("from-template");
        Map<String, Object> declare = new LinkedHashMap<>();
        declare.put("id", incident);
        declare.put("template", Map.of("name", declaration, "locale", "de", "values", Map.of("ticket", "OPS-17")));
        Instant before = Instant.now();
        var declared = api.post("/api/v1/incidents").as(ApiClient.RESPONDER).json(declare).send();
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);

        JsonNode first = events(incident);
        JsonNode incidentDeclared = first.get(0).get("payload");
        assertThat(incidentDeclared.get("title").asText()).isEqualTo("Call recordings beeinträchtigt");
        assertThat(incidentDeclared.get("locale").asText()).isEqualTo("de");
        assertThat(incidentDeclared.get("impact").asText()).isEqualTo("major");
        assertThat(incidentDeclared.get("components").get(component).asText()).isEqualTo("partial_outage");
        JsonNode firstUpdate = first.get(1).get("payload");
        Instant due = Instant.parse(firstUpdate.get("nextUpdateDueAt").asText());
        assertThat(due).isBetween(before.plusSeconds(30 * 60 - 1), Instant.now().plusSeconds(30 * 60 + 1));
        assertThat(firstUpdate.get("message").asText()).isEqualTo("Wir untersuchen Probleme mit Call recordings "
                + "(OPS-17). Nächstes Update bis " + worded(due, before) + ".");
        assertThat(first.toString()).as("the events carry the text, not the template").doesNotContain(declaration);

        // explicit fields win over the template's; the update is in the template's default language
        var update = new LinkedHashMap<String, Object>();
        update.put("status", "identified");
        update.put("components", Map.of(component, "degraded_performance"));
        update.put("template", Map.of("name", monitoring));
        var posted = api.post("/api/v1/incidents/" + incident + "/updates").as(ApiClient.RESPONDER).json(update).send();
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        JsonNode updatePosted = events(incident).get(2).get("payload");
        assertThat(updatePosted.get("status").asText()).isEqualTo("identified");
        assertThat(updatePosted.get("visibility").asText()).isEqualTo("public");
        assertThat(updatePosted.get("message").asText())
                .isEqualTo("A fix for Call recordings is deployed; we are watching it.");

        JsonNode responder = Eventually.until(() -> api.get("/api/v1/incidents/" + incident).as(ApiClient.RESPONDER)
                .send(), r -> r.status() == 200 && r.body().contains("we are watching it"), "the update").json();
        String page = Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send(),
                r -> r.status() == 200 && r.body().contains("we are watching it"), "the public update").body();
        String eventsBefore = events(incident).toString();
        var publicBefore = api.get("/api/public/v1/incidents/" + incident).send();
        var summaryBefore = api.get("/api/v2/summary.json").send();

        var changed = Bodies.without(updateTemplate(monitoring, "Changed wording for {component}."), "name");
        var change = api.put("/api/v1/templates/" + monitoring).as(ApiClient.RESPONDER).header("If-Match", "\"0\"")
                .json(changed).send();
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        assertThat(change.header("ETag")).isEqualTo("\"1\"");
        var retired = api.call("DELETE", "/api/v1/templates/" + declaration).as(ApiClient.RESPONDER).send();
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        Eventually.until(() -> api.get("/api/v1/templates/" + monitoring).as(ApiClient.AUDITOR).send(),
                r -> r.status() == 200 && r.body().contains("Changed wording"), "the change in the template view");

        assertThat(events(incident).toString()).as("a template change never rewrites history").isEqualTo(eventsBefore);
        assertThat(api.get("/api/v1/incidents/" + incident).as(ApiClient.RESPONDER).send().json()).isEqualTo(responder);
        assertThat(api.get("/api/public/v1/incidents/" + incident).send().body()).isEqualTo(page);
        var publicAfter = api.get("/api/public/v1/incidents/" + incident).send();
        var summaryAfter = api.get("/api/v2/summary.json").send();
        assertThat(publicAfter.header("ETag")).as("template events are no public change").isEqualTo(
                publicBefore.header("ETag"));
        assertThat(summaryAfter.header("ETag")).isEqualTo(summaryBefore.header("ETag"));
        assertThat(summaryAfter.body()).isEqualTo(summaryBefore.body());
    }

    @Test
    void templatesAreListedReadChangedUnderIfMatchAndRetiredButKeptInTheList() {
        String name = ApiClient.uniqueId("listed");
        assertThat(create(updateTemplate(name, "Watching {component}.")).status()).isEqualTo(201);
        JsonNode one = Eventually.until(() -> api.get("/api/v1/templates/" + name).as(ApiClient.AUDITOR).send(),
                r -> r.status() == 200, "the template in the view").json();
        assertThat(one.get("kind").asText()).isEqualTo("update");
        assertThat(one.get("texts").get("en").get("message").asText()).isEqualTo("Watching {component}.");
        assertThat(one.get("createdBy").asText()).isNotBlank();
        assertThat(one.get("retired").asBoolean()).isFalse();

        var stale = api.put("/api/v1/templates/" + name).as(ApiClient.RESPONDER).header("If-Match", "\"7\"")
                .json(Bodies.without(updateTemplate(name, "Other."), "name")).send();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        var otherKind = api.put("/api/v1/templates/" + name).as(ApiClient.RESPONDER)
                .json(Bodies.without(declarationTemplate(name, "x"), "name")).send();
        assertThat(otherKind.status()).as(otherKind.toString()).isEqualTo(409);
        assertThat(otherKind.json().get("type").asText()).isEqualTo("/problems/template-kind-fixed");
        assertThat(otherKind.json().get("field").asText()).isEqualTo("kind");
        var unchanged = api.put("/api/v1/templates/" + name).as(ApiClient.RESPONDER)
                .json(Bodies.without(updateTemplate(name, "Watching {component}."), "name")).send();
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.header("ETag")).as("the same content changes nothing").isEqualTo("\"0\"");

        assertThat(api.call("DELETE", "/api/v1/templates/" + name).as(ApiClient.RESPONDER).send().status())
                .isEqualTo(200);
        var again = api.call("DELETE", "/api/v1/templates/" + name).as(ApiClient.RESPONDER).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/template-retired");
        JsonNode listed = Eventually.until(() -> api.get("/api/v1/templates").as(ApiClient.RESPONDER).send().json(),
                list -> entry(list, name) != null && entry(list, name).get("retired").asBoolean(), "the retirement");
        assertThat(entry(listed, name).get("retiredAt").isTextual()).isTrue();

        var applied = api.post("/api/v1/incidents").as(ApiClient.RESPONDER).json(Bodies.with(Bodies.declaration(
                ApiClient.uniqueId("retired-template")), "template", Map.of("name", name))).send();
        assertThat(applied.status()).as(applied.toString()).isEqualTo(409);
        assertThat(applied.json().get("type").asText()).isEqualTo("/problems/template-retired");
        assertThat(applied.json().get("field").asText()).isEqualTo("template.name");

        var recreated = create(updateTemplate(name, "Back again."));
        assertThat(recreated.status()).as("a retired name may be created again").isEqualTo(201);
        assertThat(recreated.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void refusalsNameTheFieldAndThePlaceholder() {
        String name = ApiClient.uniqueId("refusing");
        assertThat(create(updateTemplate(name, "Watching {component}; ticket {ticket}.")).status()).isEqualTo(201);
        String incident = ApiClient.uniqueId("refusals");
        Incidents.declare(api, Bodies.declaration(incident));

        assertRefused(postUpdate(incident, Map.of("name", name, "values", Map.of("ticket", "T-1"))), 400,
                "unfilled-placeholder", "components");
        assertRefused(api.post("/api/v1/incidents/" + incident + "/updates").as(ApiClient.RESPONDER).json(Map.of(
                "components", Map.of(), "template", Map.of("name", name))).send(), 400, "unfilled-placeholder",
                "components");
        assertRefused(postUpdate(incident, Map.of("name", name, "values", Map.of("ticket", "T-1", "eta", "soon"))),
                400, "unknown-placeholder", "template.values.eta");
        assertRefused(postUpdate(incident, Map.of("name", "no-such-template")), 404, "template-not-found",
                "template.name");
        assertRefused(postUpdate(incident, Map.of("name", "Not A Name")), 400, "invalid-template-name", "template.name");
        assertRefused(postUpdate(incident, Map.of("name", name, "colour", "red")), 400, "unknown-field", null);
        String declaration = ApiClient.uniqueId("decl");
        assertThat(create(declarationTemplate(declaration, "x")).status()).isEqualTo(201);
        assertRefused(postUpdate(incident, Map.of("name", declaration)), 400, "template-kind-mismatch", "template.name");
        assertThat(events(incident)).as("nothing was posted").hasSize(2);
        var byHand = api.post("/api/v1/incidents/" + incident + "/updates").as(ApiClient.RESPONDER).json(Map.of(
                "message", "Written by hand.", "template", Map.of("name", name))).send();
        assertThat(byHand.status()).as("the placeholders of a text the request replaces need no value: " + byHand)
                .isEqualTo(201);
        assertThat(events(incident).get(2).get("payload").get("status").asText()).isEqualTo("monitoring");

        assertRefused(create(updateTemplate(ApiClient.uniqueId("braces"), "Watching {component")), 400,
                "invalid-placeholder", "texts.en.message");
        assertRefused(create(Bodies.with(updateTemplate(ApiClient.uniqueId("titled"), "Fixed."), "texts",
                Map.of("en", Map.of("title", "A title", "message", "Fixed.")))), 400, "template-field-not-for-kind",
                "texts.en.title");
        assertRefused(create(Bodies.with(updateTemplate(ApiClient.uniqueId("no-default"), "Fixed."), "defaultLocale",
                "de")), 400, "default-locale-missing", "texts");
        assertRefused(create(updateTemplate(name, "Again.")), 409, "template-name-taken", "name");
        assertRefused(create(updateTemplate("Bad Name", "Again.")), 400, "invalid-template-name", "name");
        assertRefused(api.put("/api/v1/templates/" + ApiClient.uniqueId("missing")).as(ApiClient.RESPONDER)
                .json(Bodies.without(updateTemplate("x", "Fixed."), "name")).send(), 404, "template-not-found", "name");
        assertRefused(api.post("/api/v1/templates").as(ApiClient.AUDITOR).json(updateTemplate(
                ApiClient.uniqueId("auditor"), "Fixed.")).send(), 403, "forbidden", null);
    }

    @Test
    void renderShowsWhatATemplateWouldFillInWithoutChangingAnything() {
        String component = ApiClient.uniqueId("tpl-r");
        Incidents.defineComponent(api, component, "Voicemail", "Talk", 6);
        String name = ApiClient.uniqueId("render");
        assertThat(create(declarationTemplate(name, component)).status()).isEqualTo(201);
        Instant dueAt = Instant.now().plus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        var rendered = api.post("/api/v1/templates/" + name + "/render").as(ApiClient.RESPONDER).json(Map.of(
                "locale", "de-CH", "values", Map.of("ticket", "OPS-9"), "nextUpdateDueAt", dueAt.toString())).send();
        assertThat(rendered.status()).as(rendered.toString()).isEqualTo(200);
        JsonNode filled = rendered.json();
        assertThat(filled.get("locale").asText()).isEqualTo("de");
        assertThat(filled.get("title").asText()).isEqualTo("Voicemail beeinträchtigt");
        assertThat(filled.get("message").asText()).endsWith("Nächstes Update bis " + worded(dueAt, Instant.now()) + ".");
        assertThat(filled.get("impact").asText()).isEqualTo("major");
        assertThat(filled.get("components").get(component).asText()).isEqualTo("partial_outage");
        var unfilled = api.post("/api/v1/templates/" + name + "/render").as(ApiClient.RESPONDER).json(Map.of()).send();
        assertRefused(unfilled, 400, "unfilled-placeholder", "values.ticket");
    }

    private ApiClient.Response postUpdate(String incident, Map<String, Object> template) {
        return api.post("/api/v1/incidents/" + incident + "/updates").as(ApiClient.RESPONDER)
                .json(Map.of("template", template)).send();
    }

    private static void assertRefused(ApiClient.Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/" + type);
        if (field != null) {
            assertThat(response.json().get("field").asText()).as(response.toString()).isEqualTo(field);
        }
    }

    private static JsonNode entry(JsonNode list, String name) {
        for (JsonNode template : list.get("templates")) {
            if (template.get("name").asText().equals(name)) {
                return template;
            }
        }
        return null;
    }
}
