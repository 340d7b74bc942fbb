package io.incidenttimeline.api.alertmanager;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alertmanager's webhook payloads, as its webhook_config sends them, through real HTTP. */
class AlertmanagerWebhookApiTest extends ApiIntegrationTest {

    private static final String PATH = "/api/v1/webhooks/alertmanager";

    private String component;
    private String groupKey;

    @BeforeEach
    void defineComponent() {
        component = uniqueId("checkout-api");
        assertThat(api.post("/api/v1/components").as(ADMIN).json(Map.of("id", component, "name", "Checkout API")).send()
                .status()).isEqualTo(201);
        groupKey = "{}:{alertname=\"CheckoutErrors\", run=\"" + uniqueId("g") + "\"}";
    }

    @Test
    void aFiringGroupDeclaresAnInternalIncidentAndTheSameNotificationAgainChangesNothing() {
        var notification = notification("firing", alert("fp-1", "firing", "critical", "2024-07-05T10:54:00Z"));
        var declared = receive(notification);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        String incidentId = declared.json().get("incidentId").asText();
        assertThat(declared.json().get("action").asText()).isEqualTo("declared");

        List<JsonNode> events = events(incidentId);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("IncidentDeclared", "UpdatePosted");
        JsonNode declaration = events.get(0).get("payload");
        assertThat(declaration.get("title").asText()).isEqualTo("Checkout error rate above 5%");
        assertThat(declaration.get("impact").asText()).isEqualTo("critical");
        assertThat(declaration.get("occurredAt").asText()).isEqualTo("2024-07-05T10:54:00Z");
        assertThat(declaration.at("/components/" + component).asText()).isEqualTo("major_outage");
        JsonNode update = events.get(1).get("payload");
        assertThat(update.get("visibility").asText()).isEqualTo("internal");
        assertThat(update.get("status").asText()).isEqualTo("investigating");
        assertThat(update.get("message").asText()).isEqualTo("5.3% of checkouts fail with HTTP 500");
        assertThat(events.get(0).at("/metadata/channel").asText()).isEqualTo("webhook");
        assertThat(events.get(0).at("/metadata/actor").asText()).isEqualTo("test-responder");

        var again = receive(notification);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        var withUnknownField = receive(with(notification, "someFutureField", "Alertmanager may add fields"));
        assertThat(withUnknownField.header("Idempotent-Replayed")).isEqualTo("true");
        var fromAnotherReplica = receive(with(notification, "externalURL", "http://alertmanager-2.local:9093"));
        assertThat(fromAnotherReplica.status()).isEqualTo(200);
        assertThat(fromAnotherReplica.json().get("action").asText()).isEqualTo("duplicate");
        assertThat(events(incidentId)).hasSize(2);
    }

    @Test
    void moreAlertsUpdateTheOpenIncidentResolvingResolvesItAndAFreshFiringOpensANewOne() {
        String first = receive(notification("firing", alert("fp-1", "firing", "warning", "2024-07-05T10:54:00Z")))
                .json().get("incidentId").asText();
        var grown = receive(notification("firing", alert("fp-1", "firing", "warning", "2024-07-05T10:54:00Z"),
                alert("fp-2", "firing", "page", "2024-07-05T11:00:00Z")));
        assertThat(grown.status()).isEqualTo(200);
        assertThat(grown.json().get("action").asText()).isEqualTo("updated");
        assertThat(grown.json().get("incidentId").asText()).isEqualTo(first);

        var resolved = receive(notification("resolved", alert("fp-1", "resolved", "warning", "2024-07-05T10:54:00Z"),
                alert("fp-2", "resolved", "page", "2024-07-05T11:00:00Z")));
        assertThat(resolved.json().get("action").asText()).isEqualTo("resolved");
        assertThat(events(first)).extracting(e -> e.get("type").asText()).containsExactly("IncidentDeclared",
                "UpdatePosted", "UpdatePosted", "UpdatePosted", "IncidentResolved");
        assertThat(events(first).get(3).at("/payload/components/" + component).asText()).isEqualTo("operational");

        var refired = receive(notification("firing", alert("fp-1", "firing", "warning", "2024-07-05T12:00:00Z")));
        assertThat(refired.status()).isEqualTo(201);
        String second = refired.json().get("incidentId").asText();
        assertThat(second).isNotEqualTo(first).endsWith("-2");
    }

    @Test
    void aResolvedNotificationWithoutAnOpenIncidentChangesNothing() {
        var response = receive(notification("resolved", alert("fp-9", "resolved", "warning", "2024-07-05T10:54:00Z")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("action").asText()).isEqualTo("no-open-incident");
    }

    @Test
    void basicCredentialsAreAcceptedForWebhooksOnly() {
        String good = "Basic " + Base64.getEncoder().encodeToString("alertmanager-basic:am-basic-secret".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("alertmanager-basic:guess".getBytes(StandardCharsets.UTF_8));
        var accepted = api.post(PATH).header("Authorization", good)
                .json(notification("firing", alert("fp-1", "firing", "warning", "2024-07-05T10:54:00Z"))).send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(events(accepted.json().get("incidentId").asText()).get(0).at("/metadata/actor").asText())
                .isEqualTo("alertmanager-basic");
        assertThat(api.post(PATH).header("Authorization", bad)
                .json(notification("firing", alert("fp-2", "firing", "warning", "2024-07-05T10:54:00Z"))).send().status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/incidents/x/events").header("Authorization", good).send().status()).isEqualTo(401);
        assertThat(api.post(PATH).json(notification("firing", alert("fp-3", "firing", "warning", "2024-07-05T10:54:00Z")))
                .send().status()).isEqualTo(401);
    }

    @Test
    void malformedNotificationsAreRefusedWithTheField() {
        var wrongVersion = new LinkedHashMap<>(notification("firing", alert("fp-1", "firing", "warning", "2024-07-05T10:54:00Z")));
        wrongVersion.put("version", "3");
        assertInvalid(receive(wrongVersion), "version");
        var noAlerts = new LinkedHashMap<>(wrongVersion);
        noAlerts.put("version", "4");
        noAlerts.put("alerts", List.of());
        assertInvalid(receive(noAlerts), "alerts");
        var badStatus = new LinkedHashMap<>(noAlerts);
        badStatus.put("alerts", List.of(alert("fp-1", "firing", "warning", "2024-07-05T10:54:00Z")));
        badStatus.put("status", "burning");
        assertInvalid(receive(badStatus), "status");
    }

    private void assertInvalid(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-notification");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    private ApiClient.Response receive(Map<String, Object> notification) {
        return api.post(PATH).as(RESPONDER).json(notification).send();
    }

    private List<JsonNode> events(String incidentId) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/incidents/" + incidentId + "/events").as(RESPONDER).send().json().get("events").forEach(events::add);
        return events;
    }

    @SafeVarargs
    private Map<String, Object> notification(String status, Map<String, Object>... alerts) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("version", "4");
        notification.put("groupKey", groupKey);
        notification.put("truncatedAlerts", 0);
        notification.put("status", status);
        notification.put("receiver", "incident-timeline");
        notification.put("groupLabels", Map.of("alertname", "CheckoutErrors"));
        notification.put("commonLabels", Map.of("alertname", "CheckoutErrors", "component", component));
        notification.put("commonAnnotations", Map.of("summary", "Checkout error rate above 5%",
                "description", "5.3% of checkouts fail with HTTP 500"));
        notification.put("externalURL", "http://alertmanager.local:9093");
        notification.put("alerts", List.of(alerts));
        return notification;
    }

    private Map<String, Object> alert(String fingerprint, String status, String severity, String startsAt) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("status", status);
        alert.put("labels", Map.of("alertname", "CheckoutErrors", "component", component, "severity", severity,
                "instance", fingerprint));
        alert.put("annotations", Map.of("summary", "Checkout error rate above 5%"));
        alert.put("startsAt", startsAt);
        alert.put("endsAt", status.equals("resolved") ? "2024-07-05T13:36:00Z" : "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus.local:9090/graph");
        alert.put("fingerprint", fingerprint);
        return alert;
    }

    private static Map<String, Object> with(Map<String, Object> notification, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(notification);
        changed.put(field, value);
        return changed;
    }
}
