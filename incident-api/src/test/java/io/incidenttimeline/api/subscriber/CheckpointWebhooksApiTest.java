package io.incidenttimeline.api.subscriber;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSignatures;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Audit checkpoints on subscriber webhooks, over real HTTP both ways: only a subscriber registered with
 * auditCheckpoints receives them, each one once, signed with its secret, in the shape of the latest-checkpoint endpoint.
 * Each subscriber follows a component of its own, so no other test's incident reaches it.
 */
class CheckpointWebhooksApiTest extends ApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-checkpoints-0123456789abcdef";

    private final List<String> subscribers = new ArrayList<>();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void removeSubscribersAndReceivers() {
        subscribers.forEach(id -> api.call("DELETE", "/api/v1/subscribers/" + id).as(ADMIN).send());
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void anAuditorsReceiverGetsEachSignedCheckpointOnceAsTheLatestEndpointServesItAndOthersGetNone() throws Exception {
        WebhookReceiver auditor = receiver();
        WebhookReceiver plain = receiver();
        String auditing = subscribe(auditor.url(), true);
        String notAuditing = subscribe(plain.url(), null);

        JsonNode first = checkpoint();
        JsonNode latest = api.get("/api/v1/audit/checkpoints/latest").as(AUDITOR).send().json();
        assertThat(latest.get("checkpoint")).isEqualTo(first.get("checkpoint"));
        WebhookReceiver.Received delivered = Eventually.until(() -> checkpointsReceived(auditor), r -> r.size() == 1,
                "the first checkpoint delivered").get(0);

        assertThat(delivered.headers().get("x-incident-timeline-event")).isEqualTo("audit.checkpoint");
        assertThat(delivered.headers().get("x-incident-timeline-signature"))
                .isEqualTo("sha256=" + SubscriberWebhooksApiTest.hmac(SECRET, delivered.rawBody()));
        JsonNode body = json(delivered.body());
        assertThat(body).isEqualTo(latest);
        PublicKey key = Ed25519Keys.fromPublicKeyPem(api.get("/api/v1/audit/public-key").send().body());
        JsonNode checkpoint = body.get("checkpoint");
        Checkpoint signed = new Checkpoint(checkpoint.get("position").asLong(), checkpoint.get("headHash").asText(),
                checkpoint.get("createdAt").asText());
        assertThat(CheckpointSignatures.verify(key, signed.canonicalBytes(), body.get("signature").asText())).isTrue();
        assertThat(body.get("keyId").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())));

        JsonNode second = checkpoint();
        List<WebhookReceiver.Received> both = Eventually.until(() -> checkpointsReceived(auditor), r -> r.size() == 2,
                "the second checkpoint delivered");
        assertThat(both).extracting(r -> json(r.body()).get("checkpoint"))
                .containsExactly(first.get("checkpoint"), second.get("checkpoint"));
        assertThat(both).extracting(WebhookReceiver.Received::deliveryId).doesNotHaveDuplicates();
        List<JsonNode> log = Eventually.until(() -> deliveries(auditing), d -> d.size() == 2
                && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")), "both recorded delivered");
        assertThat(log).allSatisfy(d -> {
            assertThat(d.get("event").asText()).isEqualTo("audit.checkpoint");
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
        });
        assertThat(log).extracting(d -> d.get("subject").asText()).containsOnly(
                "checkpoint:" + first.at("/checkpoint/position").asLong(),
                "checkpoint:" + second.at("/checkpoint/position").asLong());

        assertThat(deliveries(notAuditing)).as("subscribers receive public changes only unless they ask").isEmpty();
        assertThat(plain.received()).isEmpty();
    }

    @Test
    void aSubscriberShowsWhetherItReceivesCheckpointsAndTheChoiceMustBeABoolean() {
        WebhookReceiver receiver = receiver();
        String auditing = subscribe(receiver.url(), true);
        String plain = subscribe(receiver.url(), null);

        assertThat(api.get("/api/v1/subscribers/" + auditing).as(ADMIN).send().json().get("auditCheckpoints").asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/subscribers/" + plain).as(ADMIN).send().json().get("auditCheckpoints").isBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/subscribers/" + plain).as(ADMIN).send().json().get("auditCheckpoints").asBoolean())
                .as("left out: public changes only").isFalse();
        JsonNode listed = api.get("/api/v1/subscribers").as(ADMIN).send().json().get("subscribers");
        Map<String, Boolean> shown = new LinkedHashMap<>();
        listed.forEach(s -> shown.put(s.get("id").asText(), s.get("auditCheckpoints").asBoolean()));
        assertThat(shown).containsEntry(auditing, true).containsEntry(plain, false);

        Map<String, Object> body = registration(receiver.url(), List.of(component()));
        body.put("auditCheckpoints", "yes");
        var refused = api.post("/api/v1/subscribers").as(ADMIN).json(body).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("field").asText()).isEqualTo("auditCheckpoints");
    }

    private JsonNode checkpoint() {
        var created = api.post("/api/v1/audit/checkpoints").as(ADMIN).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static List<WebhookReceiver.Received> checkpointsReceived(WebhookReceiver receiver) {
        return receiver.received().stream()
                .filter(r -> "audit.checkpoint".equals(r.headers().get("x-incident-timeline-event"))).toList();
    }

    private String component() {
        String id = uniqueId("ckpt-cmp");
        Incidents.defineComponent(api, id, "Checkpoints " + id, "Webhooks", 90);
        return id;
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private Map<String, Object> registration(String url, List<String> components) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("secret", SECRET);
        body.put("components", components);
        return body;
    }

    private String subscribe(String url, Boolean auditCheckpoints) {
        Map<String, Object> body = registration(url, List.of(component()));
        if (auditCheckpoints != null) {
            body.put("auditCheckpoints", auditCheckpoints);
        }
        var response = api.post("/api/v1/subscribers").as(ADMIN).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("auditCheckpoints").asBoolean()).isEqualTo(Boolean.TRUE.equals(auditCheckpoints));
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

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
