package io.incidenttimeline.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.IncidentTimelineApplication;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A delivery that is waiting for its next attempt when the application stops is sent after the restart, on its
 * schedule, exactly once, and the restarted webhook processor adds no delivery twice. Like RestartAndDemoTest, this
 * starts application instances of its own on one store (the H2 file of a temporary data directory, or a fresh
 * PostgreSQL database under the Maven profile postgres), which the shared test context cannot do.
 */
class WebhookRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "restart-secret-0123456789abcdef";

    @TempDir
    Path dataDir;

    private final Map<String, String> database = TestDatabase.postgres() ? TestDatabase.createPostgresDatabase() : Map.of();

    @Test
    void aDeliveryPendingAtShutdownArrivesExactlyOnceAfterTheRestart() {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(500)) {
            String subscriber;
            JsonNode pending;
            try (var app = start()) {
                int port = port(app);
                subscriber = send(port, "POST", "/api/v1/subscribers", Map.of("url", receiver.url(), "secret", SECRET))
                        .get("id").asText();
                send(port, "POST", "/api/v1/incidents", Bodies.declaration("restart-incident"));
                pending = Eventually.until(() -> deliveries(port, subscriber),
                        d -> d.size() == 1 && d.get(0).get("attempts").asInt() == 1, "the first attempt failed").get(0);
            }
            assertThat(pending.get("status").asText()).isEqualTo("pending");
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500);
            String deliveryId = pending.get("deliveryId").asText();
            Instant due = Instant.parse(pending.get("nextAttemptAt").asText());

            receiver.answering(200);
            try (var app = start()) {
                int port = port(app);
                // a later change, delivered after the pending one is due: by then the dispatcher has run many rounds
                // and the processor has gone past everything it handled before the restart
                send(port, "POST", "/api/v1/incidents/restart-incident/updates", Bodies.update("resolved", "Fixed."));
                List<JsonNode> log = Eventually.until(() -> deliveries(port, subscriber), d -> d.size() == 2
                        && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")), "both delivered");
                JsonNode resumed = log.stream().filter(e -> e.get("deliveryId").asText().equals(deliveryId))
                        .findFirst().orElseThrow();
                List<JsonNode> attempts = list(resumed.get("attemptLog"));
                assertThat(attempts).extracting(a -> a.get("statusCode").asInt()).containsExactly(500, 200);
                assertThat(Instant.parse(attempts.get(1).get("at").asText())).as("on its retry schedule")
                        .isAfterOrEqualTo(due);
            }
            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received.stream().filter(r -> r.deliveryId().equals(deliveryId)))
                    .extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 200);
            assertThat(received).hasSize(3);
            assertThat(received).allSatisfy(r -> assertThat(r.headers().get("x-incident-timeline-signature"))
                    .isEqualTo("sha256=" + SubscriberWebhooksApiTest.hmac(SECRET, r.rawBody())));
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=it", "--incident.data-dir=" + dataDir,
                "--server.port=0", "--incident.webhooks.delivery.initial-backoff=PT3S"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(IncidentTimelineApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    private static List<JsonNode> deliveries(int port, String subscriber) {
        return list(send(port, "GET", "/api/v1/subscribers/" + subscriber + "/deliveries", null).get("deliveries"));
    }

    private static JsonNode send(int port, String method, String path, Object body) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer admin-secret").header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
