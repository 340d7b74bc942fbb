package io.incidenttimeline.api.subscriber;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.PublicBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Promise reminders through the real deadline scheduler (db-scheduler on the event store's database) and real HTTP
 * both ways. The shared test configuration sets the lead time to 5 seconds, so a promise 10 seconds ahead is due soon
 * after 5 and overdue after 10. A reminder is raised once per promise and kind, reaches only the receivers that asked
 * for reminders, signed, and changes nothing the public sees.
 */
class PromiseReminderApiTest extends ApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-reminders-0123456789abcdef";
    private static final Duration AHEAD = Duration.ofSeconds(10);

    private final List<String> subscribers = new ArrayList<>();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void removeSubscribersAndReceivers() {
        subscribers.forEach(id -> api.call("DELETE", "/api/v1/subscribers/" + id).as(ADMIN).send());
        receivers.forEach(WebhookReceiver::close);
    }

    /**
     * The promise is an internal update's, which the public never sees: so whether it is pending or broken, the
     * public bodies stay byte for byte as they were, and any difference would be the reminders'.
     */
    @Test
    void anUnansweredPromiseRemindsTheCommunicationsHolderDueSoonThenOverdueOnceEachOnTheRespondersReceiverOnly() {
        String component = component();
        WebhookReceiver responders = receiver();
        WebhookReceiver plain = receiver();
        String reminded = subscribe(responders.url(), component, true);
        String notReminded = subscribe(plain.url(), component, null);
        String incident = uniqueId("remind");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "components",
                Map.of(component, "partial_outage")));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/roles/communications",
                Map.of("holder", "Dana Reyes"));
        Instant due = promiseDue();
        Incidents.post(api, incident, Bodies.with(Bodies.with(Bodies.with(Bodies.update("identified",
                "Paging the database team; next note in ten seconds."), "visibility", "internal"), "updateId",
                "promising"), "nextUpdateDueAt", due.toString()));
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send(), r -> r.status() == 200,
                "the incident in the public view");
        PublicBodies.awaitPublicViewAtHead(api);
        Map<String, String> before = PublicBodies.of(api, incident);

        List<WebhookReceiver.Received> delivered = Eventually.until(() -> reminders(responders, incident),
                r -> r.size() == 2, "the due-soon and the overdue reminder delivered");
        JsonNode dueSoon = json(delivered.get(0).body()).get("reminder");
        JsonNode overdue = json(delivered.get(1).body()).get("reminder");
        assertThat(dueSoon.get("kind").asText()).isEqualTo("due-soon");
        assertThat(overdue.get("kind").asText()).isEqualTo("overdue");
        assertThat(dueSoon.get("update_id").asText()).isEqualTo("promising");
        assertThat(Instant.parse(dueSoon.get("due_at").asText())).isEqualTo(due);
        assertThat(dueSoon.get("communications_holder").asText()).isEqualTo("Dana Reyes");
        assertThat(dueSoon.get("recipient").asText()).isEqualTo("Dana Reyes");
        assertThat(dueSoon.get("incident_url").asText()).endsWith("/api/v1/incidents/" + incident);
        assertThat(Instant.parse(dueSoon.get("raised_at").asText())).isBefore(due);
        assertThat(Instant.parse(overdue.get("raised_at").asText())).isAfterOrEqualTo(due);
        assertThat(delivered.get(0).headers().get("x-incident-timeline-signature"))
                .isEqualTo("sha256=" + SubscriberWebhooksApiTest.hmac(SECRET, delivered.get(0).rawBody()));

        pause(Duration.ofSeconds(2)); // a reminder raised twice would have arrived by now
        List<JsonNode> raised = events(incident).stream()
                .filter(e -> e.get("type").asText().equals("NextUpdateReminderRaised")).toList();
        assertThat(raised).extracting(e -> e.at("/payload/kind").asText()).containsExactly("due-soon", "overdue");
        assertThat(raised).allSatisfy(e -> {
            assertThat(e.at("/metadata/actor").asText()).isEqualTo("reminder-scheduler");
            assertThat(e.at("/payload/communicationsHolder").asText()).isEqualTo("Dana Reyes");
        });
        assertThat(reminders(responders, incident)).hasSize(2);
        JsonNode view = api.get("/api/v1/incidents/" + incident).as(RESPONDER).send().json();
        assertThat(view.at("/people/reminders")).hasSize(2);
        assertThat(view.at("/people/reminders/1/kind").asText()).isEqualTo("overdue");
        assertThat(view.at("/people/reminders/1/communicationsHolder").asText()).isEqualTo("Dana Reyes");
        assertThat(deliveries(reminded)).extracting(d -> d.get("event").asText()).contains("incident.reminder");

        assertThat(plain.received()).as("a public receiver never gets a reminder").noneMatch(r ->
                "incident.reminder".equals(r.headers().get("x-incident-timeline-event")));
        assertThat(deliveries(notReminded)).extracting(d -> d.get("event").asText()).doesNotContain("incident.reminder");
        PublicBodies.awaitPublicViewAtHead(api);
        assertThat(PublicBodies.of(api, incident)).as("the public sees no reminder").isEqualTo(before);
    }

    @Test
    void aPromiseAnsweredByAnUpdateOrEndedByTheResolutionRemindsNobody() {
        String component = component();
        WebhookReceiver responders = receiver();
        subscribe(responders.url(), component, true);
        String answered = uniqueId("remind-answered");
        String resolved = uniqueId("remind-resolved");
        Instant due = declareWithPromise(answered, component);
        declareWithPromise(resolved, component);
        Incidents.post(api, answered, Bodies.update("monitoring", "A fix is rolling out."));
        Incidents.post(api, resolved, Bodies.update("resolved", "Checkouts work again."));

        pause(Duration.between(Instant.now(), due).plusSeconds(2));
        for (String incident : List.of(answered, resolved)) {
            assertThat(events(incident)).extracting(e -> e.get("type").asText()).as(incident)
                    .doesNotContain("NextUpdateReminderRaised");
            assertThat(reminders(responders, incident)).as(incident).isEmpty();
        }
    }

    @Test
    void aSubscriberShowsWhetherItReceivesRemindersAndTheChoiceMustBeABoolean() {
        WebhookReceiver receiver = receiver();
        String component = component();
        String responders = subscribe(receiver.url(), component, true);
        String plain = subscribe(receiver.url(), component, null);
        assertThat(api.get("/api/v1/subscribers/" + responders).as(ADMIN).send().json().get("responderReminders")
                .asBoolean()).isTrue();
        assertThat(api.get("/api/v1/subscribers/" + plain).as(ADMIN).send().json().get("responderReminders")
                .asBoolean()).as("left out: public changes only").isFalse();

        Map<String, Object> body = registration(receiver.url(), component);
        body.put("responderReminders", "yes");
        var refused = api.post("/api/v1/subscribers").as(ADMIN).json(body).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("responderReminders");
    }

    private static Instant promiseDue() {
        return Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private Instant declareWithPromise(String incident, String component) {
        Instant due = promiseDue();
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(incident), "updateId",
                "promising"), "components", Map.of(component, "partial_outage")), "nextUpdateDueAt", due.toString()));
        return due;
    }

    private static List<WebhookReceiver.Received> reminders(WebhookReceiver receiver, String incident) {
        return receiver.received().stream()
                .filter(r -> "incident.reminder".equals(r.headers().get("x-incident-timeline-event")))
                .filter(r -> json(r.body()).at("/reminder/incident_id").asText().equals(incident)).toList();
    }

    private String component() {
        String id = uniqueId("remind-cmp");
        Incidents.defineComponent(api, id, "Reminders " + id, "Webhooks", 93);
        return id;
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private static Map<String, Object> registration(String url, String component) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("secret", SECRET);
        body.put("components", List.of(component));
        return body;
    }

    private String subscribe(String url, String component, Boolean responderReminders) {
        Map<String, Object> body = registration(url, component);
        if (responderReminders != null) {
            body.put("responderReminders", responderReminders);
        }
        var response = api.post("/api/v1/subscribers").as(ADMIN).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().get("id").asText();
        subscribers.add(id);
        return id;
    }

    private List<JsonNode> deliveries(String subscriber) {
        List<JsonNode> log = new ArrayList<>();
        api.get("/api/v1/subscribers/" + subscriber + "/deliveries").as(ADMIN).send().json().get("deliveries")
                .forEach(log::add);
        return log;
    }

    private List<JsonNode> events(String incident) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/incidents/" + incident + "/events").as(ADMIN).send().json().get("events").forEach(events::add);
        return events;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
