package io.incidenttimeline.api.alertmanager;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real Prometheus Alertmanager (Debian's prometheus-alertmanager, loopback only, no cluster) notifying the
 * running application. Runs in the Maven profile alertmanager, which .ci/run enables after installing the package.
 */
class AlertmanagerEndToEndTest extends ApiIntegrationTest {

    private static final Path BINARY = Path.of(System.getProperty("incident.test.alertmanager", "/usr/bin/prometheus-alertmanager"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int appPort;

    @TempDir
    Path workDir;

    private Process alertmanager;
    private int alertmanagerPort;

    @AfterEach
    void stopAlertmanager() {
        if (alertmanager != null) {
            alertmanager.destroy();
        }
    }

    @Test
    void alertsFromAlertmanagerOpenAndResolveOneIncidentDespiteRepeatedNotifications() throws Exception {
        assertThat(BINARY).as("install Debian's prometheus-alertmanager (.ci/run does)").isExecutable();
        String component = uniqueId("payments");
        assertThat(api.post("/api/v1/components").as(ADMIN).json(Map.of("id", component, "name", "Payments")).send()
                .status()).isEqualTo(201);
        startAlertmanager();

        String alertname = "PaymentsDown" + uniqueId("").replace("-", "");
        String incidentId = AlertGroupHistory.incidentId("{}:{alertname=\"" + alertname + "\"}", 1);
        Instant startsAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        postAlert(alertname, component, startsAt, Instant.now().plus(10, ChronoUnit.MINUTES));

        List<String> declared = awaitEvents(incidentId, types -> types.contains("UpdatePosted"));
        assertThat(declared).containsExactly("IncidentDeclared", "UpdatePosted");
        double notificationsBefore = webhookRequests();
        // repeat_interval is 3 s: give Alertmanager time to send the same group several times more
        Thread.sleep(8_000);
        assertThat(webhookRequests() - notificationsBefore).as("Alertmanager re-sent the group").isGreaterThanOrEqualTo(2);
        assertThat(types(incidentId)).as("repeated notifications add nothing").containsExactly("IncidentDeclared", "UpdatePosted");

        postAlert(alertname, component, startsAt, Instant.now().minus(1, ChronoUnit.SECONDS));
        List<String> resolved = awaitEvents(incidentId, types -> types.contains("IncidentResolved"));
        assertThat(resolved).containsExactly("IncidentDeclared", "UpdatePosted", "UpdatePosted", "IncidentResolved");
        Thread.sleep(5_000);
        assertThat(types(incidentId)).containsExactly("IncidentDeclared", "UpdatePosted", "UpdatePosted", "IncidentResolved");
        var declaration = api.get("/api/v1/incidents/" + incidentId + "/events").as(RESPONDER).send().json().at("/events/0");
        assertThat(declaration.at("/payload/title").asText()).isEqualTo("Payments are failing");
        assertThat(declaration.at("/payload/components/" + component).asText()).isEqualTo("major_outage");
        assertThat(declaration.at("/metadata/channel").asText()).isEqualTo("webhook");
    }

    private void startAlertmanager() throws Exception {
        alertmanagerPort = freePort();
        Path config = workDir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: incident-timeline
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 3s
                receivers:
                  - name: incident-timeline
                    webhook_configs:
                      - url: http://127.0.0.1:%d/api/v1/webhooks/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: responder-secret
                """.formatted(appPort));
        alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("alertmanager.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Alertmanager did not become ready: " + Files.readString(workDir.resolve("alertmanager.log")));
    }

    private void postAlert(String alertname, String component, Instant startsAt, Instant endsAt) throws Exception {
        String alerts = """
                [{"labels": {"alertname": "%s", "component": "%s", "severity": "critical"},
                  "annotations": {"summary": "Payments are failing", "description": "The payment provider answers 503"},
                  "startsAt": "%s", "endsAt": "%s"}]""".formatted(alertname, component, startsAt, endsAt);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alerts)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private List<String> awaitEvents(String incidentId, Predicate<List<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> types = List.of();
        while (System.nanoTime() < deadline) {
            types = types(incidentId);
            if (done.test(types)) {
                return types;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("incident " + incidentId + " has only " + types + "; Alertmanager log:\n"
                + Files.readString(workDir.resolve("alertmanager.log")));
    }

    private List<String> types(String incidentId) {
        var response = api.get("/api/v1/incidents/" + incidentId + "/events").as(RESPONDER).send();
        List<String> types = new ArrayList<>();
        if (response.status() == 200) {
            response.json().get("events").forEach(e -> types.add(e.get("type").asText()));
        }
        return types;
    }

    /** How many webhook requests the application has answered, from its own HTTP server metrics. */
    private double webhookRequests() {
        var metric = api.get("/actuator/metrics/http.server.requests?tag=uri:/api/v1/webhooks/alertmanager").as(ADMIN).send();
        if (metric.status() == 404) {
            return 0;
        }
        assertThat(metric.status()).isEqualTo(200);
        return metric.json().at("/measurements/0/value").asDouble();
    }

    private String base() {
        return "http://127.0.0.1:" + alertmanagerPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
