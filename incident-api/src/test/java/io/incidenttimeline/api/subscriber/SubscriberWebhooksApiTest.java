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
import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.projections.support.ReadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscriber webhooks over real HTTP both ways: commands through the API, deliveries to a JDK HTTP server on
 * 127.0.0.1 (allowed here by incident.webhooks.allow-private-addresses), with the retry timings of application-it.yml.
 * Each test's subscriber follows a component of its own, so the other tests' incidents never reach it.
 */
class SubscriberWebhooksApiTest extends ApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";

    @Autowired
    DataSource dataSource;

    @Autowired
    @ReadStore
    JdbcTemplate readStore;

    @Autowired
    EventProcessingConfiguration processing;

    private final List<String> subscribers = new ArrayList<>();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void removeSubscribersAndReceivers() {
        subscribers.forEach(id -> api.call("DELETE", "/api/v1/subscribers/" + id).as(ADMIN).send());
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void publicChangesArriveSignedInStatuspagesShapeAndInternalUpdatesNever() {
        String component = component();
        WebhookReceiver receiver = receiver();
        String subscriber = subscribe(receiver.url(), List.of(component));
        String incident = uniqueId("wh-public");

        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "impact", "major"),
                "components", Map.of(component, "partial_outage")));
        Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "internal: the rollback of build 4711"),
                "visibility", "internal"));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Checkout works again."),
                "components", Map.of(component, "operational")));

        List<JsonNode> log = Eventually.until(() -> deliveries(subscriber), d -> d.size() == 4
                && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")), "four deliveries");
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(4);
        assertThat(received).noneMatch(r -> r.body().contains("rollback of build 4711"));
        assertThat(log).extracting(e -> e.get("subject").asText()).containsOnly("incident:" + incident,
                "component:" + component);

        for (WebhookReceiver.Received request : received) {
            assertThat(request.headers().get("x-incident-timeline-signature"))
                    .isEqualTo("sha256=" + hmac(SECRET, request.rawBody()));
            assertThat(request.headers().get("content-type")).isEqualTo("application/json");
            assertThat(log).extracting(e -> e.get("deliveryId").asText()).contains(request.deliveryId());
            JsonNode body = json(request.body());
            assertThat(request.headers().get("x-incident-timeline-event"))
                    .isEqualTo(body.has("incident") ? "incident" : "component_update");
            assertThat(body.at("/meta/unsubscribe").asText()).endsWith("/api/v1/subscribers/" + subscriber);
            assertThat(body.at("/meta/documentation").asText()).isNotBlank();
            assertThat(body.at("/page/id").asText()).isEqualTo("incident-timeline");
            assertThat(body.at("/page/status_indicator").asText()).isIn("none", "minor", "major", "critical", "maintenance");
            assertThat(body.at("/page/status_description").asText()).isNotBlank();
        }

        List<JsonNode> incidents = bodies(received, "incident");
        assertThat(incidents).extracting(b -> b.at("/incident/status").asText())
                .containsExactlyInAnyOrder("investigating", "resolved");
        JsonNode resolved = incidents.stream().filter(b -> b.at("/incident/status").asText().equals("resolved"))
                .findFirst().orElseThrow().get("incident");
        assertThat(resolved.get("id").asText()).isEqualTo(incident);
        assertThat(resolved.get("impact").asText()).isEqualTo("major");
        assertThat(resolved.get("incident_updates")).extracting(u -> u.get("body").asText())
                .containsExactly("Checkout works again.", "We are investigating failed checkouts.");
        assertThat(resolved.get("components")).extracting(c -> c.get("id").asText()).containsExactly(component);

        List<JsonNode> componentUpdates = bodies(received, "component_update");
        assertThat(componentUpdates).extracting(b -> b.at("/component_update/old_status").asText() + ">"
                + b.at("/component_update/new_status").asText())
                .containsExactlyInAnyOrder("operational>partial_outage", "partial_outage>operational");
        for (JsonNode update : componentUpdates) {
            assertThat(update.at("/component_update/component_id").asText()).isEqualTo(component);
            assertThat(update.at("/component_update/id").asText()).isNotBlank();
            assertThat(update.at("/component_update/created_at").asText()).isNotBlank();
            assertThat(update.at("/component/id").asText()).isEqualTo(component);
            assertThat(update.at("/component/status").asText()).isEqualTo(update.at("/component_update/new_status").asText());
        }
    }

    @Test
    void aMaintenanceStartingAndCompletingSendsItsComponentsUpdates() {
        String component = component();
        WebhookReceiver receiver = receiver();
        String subscriber = subscribe(receiver.url(), List.of(component));
        String maintenance = uniqueId("wh-maintenance");
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("id", maintenance);
        schedule.put("title", "Database upgrade");
        schedule.put("message", "Writes pause for a few minutes.");
        schedule.put("components", List.of(component));
        schedule.put("scheduledFor", Instant.now().plus(Duration.ofDays(1)).toString());
        schedule.put("scheduledUntil", Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofHours(1)).toString());
        schedule.put("autoStart", false);
        schedule.put("autoComplete", false);
        assertThat(api.post("/api/v1/maintenances").as(RESPONDER).json(schedule).send().status()).isEqualTo(201);
        assertThat(api.post("/api/v1/maintenances/" + maintenance + "/start").as(RESPONDER).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/maintenances/" + maintenance + "/complete").as(RESPONDER).send().status()).isEqualTo(200);

        Eventually.until(() -> deliveries(subscriber), d -> d.size() == 2
                && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")), "the two component updates");
        assertThat(bodies(receiver.received(), "component_update")).hasSize(2)
                .extracting(b -> b.at("/component_update/old_status").asText() + ">"
                        + b.at("/component_update/new_status").asText())
                .containsExactlyInAnyOrder("operational>under_maintenance", "under_maintenance>operational");
        assertThat(bodies(receiver.received(), "incident")).isEmpty();
    }

    @Test
    void anIncidentThatStaysInternalIsNeverDelivered() {
        String component = component();
        WebhookReceiver receiver = receiver();
        String subscriber = subscribe(receiver.url(), List.of(component));
        String internal = uniqueId("wh-internal");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(internal), "visibility", "internal"),
                "components", Map.of(component, "major_outage")));
        Incidents.post(api, internal, Bodies.with(Bodies.update("identified", "still internal"), "visibility", "internal"));
        // a later public incident on the same component shows the processor has passed the internal one
        String visible = uniqueId("wh-visible");
        Incidents.declare(api, Bodies.with(Bodies.declaration(visible), "components", Map.of(component, "degraded_performance")));

        List<JsonNode> log = Eventually.until(() -> deliveries(subscriber), d -> d.size() == 2
                && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")), "the public incident's deliveries");
        assertThat(log).extracting(e -> e.get("subject").asText())
                .containsExactlyInAnyOrder("incident:" + visible, "component:" + component);
        assertThat(receiver.received()).hasSize(2).noneMatch(r -> r.body().contains(internal));
        JsonNode componentUpdate = bodies(receiver.received(), "component_update").get(0);
        assertThat(componentUpdate.at("/component_update/old_status").asText())
                .as("the internal incident's major outage never reached the public page").isEqualTo("operational");
    }

    @Test
    void failedAttemptsAreRetriedWithGrowingWaitsUntilTheReceiverAccepts() {
        String component = component();
        WebhookReceiver receiver = receiver().failingFirst(2, 500);
        String subscriber = subscribe(receiver.url(), List.of(component));
        Incidents.declare(api, Bodies.with(Bodies.declaration(uniqueId("wh-retry")), "components",
                Map.of(component, "major_outage")));

        List<JsonNode> log = Eventually.until(() -> deliveries(subscriber), d -> d.size() == 2
                && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")), "both deliveries delivered");
        for (JsonNode delivery : log) {
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(delivery.get("deliveredAt").isNull()).isFalse();
            assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
            List<JsonNode> attempts = list(delivery.get("attemptLog"));
            assertThat(attempts).extracting(a -> a.get("statusCode").asInt()).containsExactly(500, 500, 200);
            assertThat(attempts.get(0).get("error").asText()).contains("500");
            // application-it.yml: 0.3 s after the first failure, twice that after the second
            assertThat(gap(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(gap(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(600));

            List<WebhookReceiver.Received> sent = receiver.received().stream()
                    .filter(r -> r.deliveryId().equals(delivery.get("deliveryId").asText())).toList();
            assertThat(sent).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 500, 200);
            assertThat(sent).extracting(WebhookReceiver.Received::body).as("the same body every time").containsOnly(sent.get(0).body());
        }
        assertThat(receiver.received()).hasSize(6);
    }

    @Test
    void aRefusingReceiverIsGivenUpAtOnceAndAFailingOneWhenTheAttemptsRunOut() {
        String component = component();
        WebhookReceiver gone = receiver().answering(410);
        WebhookReceiver broken = receiver().answering(503);
        String refusing = subscribe(gone.url(), List.of(component));
        String failing = subscribe(broken.url(), List.of(component));
        Incidents.declare(api, Bodies.with(Bodies.declaration(uniqueId("wh-giveup")), "components",
                Map.of(component, "major_outage")));

        List<JsonNode> refused = Eventually.until(() -> deliveries(refusing), d -> d.size() == 2
                && d.stream().allMatch(e -> e.get("status").asText().equals("failed")), "given up after a 410");
        assertThat(refused).allSatisfy(d -> {
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("lastStatusCode").asInt()).isEqualTo(410);
            assertThat(d.get("nextAttemptAt").isNull()).isTrue();
        });
        List<JsonNode> exhausted = Eventually.until(() -> deliveries(failing), d -> d.size() == 2
                && d.stream().allMatch(e -> e.get("status").asText().equals("failed")), "given up after four 503s");
        assertThat(exhausted).allSatisfy(d -> assertThat(list(d.get("attemptLog")))
                .extracting(a -> a.get("statusCode").asInt()).containsExactly(503, 503, 503, 503));
        assertThat(gone.received()).hasSize(2);
        assertThat(broken.received()).hasSize(8);
    }

    @Test
    void replayingTheProcessorSendsNothingTwice() {
        String component = component();
        WebhookReceiver receiver = receiver();
        String subscriber = subscribe(receiver.url(), List.of(component));
        String incident = uniqueId("wh-replay");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "components", Map.of(component, "major_outage")));
        Eventually.until(() -> receiver.received().size(), n -> n == 2, "the declaration's two deliveries");

        StreamingEventProcessor processor = processing.eventProcessor(SubscriberWebhookProcessor.NAME,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        Incidents.post(api, incident, Bodies.update("monitoring", "A fix is out; we are watching."));

        // the processor handles events in order: once the new update is delivered, the replay has passed the old ones
        List<JsonNode> log = Eventually.until(() -> deliveries(subscriber), d -> d.size() == 3
                && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")), "the new update delivered");
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::deliveryId).doesNotHaveDuplicates();
        assertThat(log).extracting(e -> e.get("attempts").asInt()).containsOnly(1);
        assertThat(readStore.queryForObject(
                "SELECT COUNT(*) FROM webhook_delivery WHERE subscriber_id = ?", Integer.class, subscriber)).isEqualTo(3);
    }

    @Test
    void subscribersAreListedShownAndRemovedAndTheirSecretIsNeverShownNorStoredAsAnEvent() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        String secret = "a-secret-never-to-be-shown-" + uniqueId("s");
        var created = api.post("/api/v1/subscribers").as(ADMIN)
                .json(Map.of("url", "http://127.0.0.1:9/hook", "secret", secret)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        subscribers.add(id);
        assertThat(created.header("Location")).isEqualTo("/api/v1/subscribers/" + id);
        assertThat(created.json().get("url").asText()).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(created.json().get("components").isNull()).as("every component").isTrue();
        assertThat(created.json().get("createdBy").asText()).isEqualTo("test-admin");
        assertThat(created.json().get("secretHint").asText())
                .isEqualTo("sha256:" + Sha256.hex(secret).substring(0, 8));
        assertThat(created.json().has("secret")).isFalse();

        var one = api.get("/api/v1/subscribers/" + id).as(ADMIN).send();
        var all = api.get("/api/v1/subscribers").as(ADMIN).send();
        var log = api.get("/api/v1/subscribers/" + id + "/deliveries").as(ADMIN).send();
        assertThat(one.json()).isEqualTo(created.json());
        assertThat(all.json().get("subscribers")).anySatisfy(s -> assertThat(s).isEqualTo(created.json()));
        assertThat(log.json().get("deliveries")).isEmpty();
        for (var response : List.of(created, one, all, log)) {
            assertThat(response.body()).doesNotContain(secret);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class))
                .as("registration is no event").isEqualTo(eventsBefore);

        assertThat(api.call("DELETE", "/api/v1/subscribers/" + id).as(ADMIN).send().status()).isEqualTo(204);
        var gone = api.get("/api/v1/subscribers/" + id).as(ADMIN).send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("type").asText()).isEqualTo("/problems/subscriber-not-found");
        assertThat(api.call("DELETE", "/api/v1/subscribers/" + id).as(ADMIN).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subscribers").as(ADMIN).send().body()).doesNotContain(id);
    }

    @Test
    void badRegistrationsAreRefusedNamingTheField() {
        String component = component();
        refused(Map.of("url", "ftp://127.0.0.1/hook", "secret", SECRET), "invalid-webhook-url", "url");
        refused(Map.of("url", "not a url", "secret", SECRET), "invalid-webhook-url", "url");
        refused(Map.of("url", "https://user:pass@127.0.0.1/hook", "secret", SECRET), "invalid-webhook-url", "url");
        refused(Map.of("secret", SECRET), "invalid-webhook-url", "url");
        refused(Map.of("url", "http://127.0.0.1/hook", "secret", "too-short"), "invalid-secret", "secret");
        refused(Map.of("url", "http://127.0.0.1/hook"), "invalid-secret", "secret");
        refused(Map.of("url", "http://127.0.0.1/hook", "secret", SECRET, "components", List.of()), "invalid-field",
                "components");
        refused(Map.of("url", "http://127.0.0.1/hook", "secret", SECRET, "components", List.of(component, uniqueId("nope"))),
                "unknown-component", "components[1]");
        refused(Map.of("url", "http://127.0.0.1/hook", "secret", SECRET, "components", List.of("a/b")), "invalid-id",
                "components[0]");
        refused(Map.of("url", "http://127.0.0.1/hook", "secret", SECRET, "events", List.of("all")), "unknown-field",
                "events");

        var limit = api.get("/api/v1/subscribers/sub-0123456789abcdef/deliveries?limit=0").as(ADMIN).send();
        assertThat(limit.status()).isEqualTo(404);
        String id = subscribe("http://127.0.0.1:9/hook", null);
        var badLimit = api.get("/api/v1/subscribers/" + id + "/deliveries?limit=501").as(ADMIN).send();
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("field").asText()).isEqualTo("limit");
    }

    private void refused(Map<String, Object> body, String type, String field) {
        var response = api.post("/api/v1/subscribers").as(ADMIN).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    private String component() {
        String id = uniqueId("wh-cmp");
        Incidents.defineComponent(api, id, "Webhooks " + id, "Webhooks", 90);
        return id;
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private String subscribe(String url, List<String> components) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("secret", SECRET);
        if (components != null) {
            body.put("components", components);
        }
        var response = api.post("/api/v1/subscribers").as(ADMIN).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().get("id").asText();
        subscribers.add(id);
        return id;
    }

    private List<JsonNode> deliveries(String subscriber) {
        return list(api.get("/api/v1/subscribers/" + subscriber + "/deliveries").as(ADMIN).send().json().get("deliveries"));
    }

    private static List<JsonNode> bodies(List<WebhookReceiver.Received> received, String kind) {
        return received.stream().map(r -> json(r.body())).filter(b -> b.has(kind)).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Duration gap(JsonNode earlier, JsonNode later) {
        return Duration.between(Instant.parse(earlier.get("at").asText()), Instant.parse(later.get("at").asText()));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a receiver computes to verify a delivery: HMAC-SHA256 of the raw body with the shared secret. */
    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
