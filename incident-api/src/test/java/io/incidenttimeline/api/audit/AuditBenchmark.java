package io.incidenttimeline.api.audit;

import io.incidenttimeline.api.IncidentTimelineApplication;
import io.incidenttimeline.projections.audit.chain.EventRows;
import io.incidenttimeline.projections.audit.chain.StoredEvent;
import io.incidenttimeline.api.audit.verify.VerifyCommand;
import io.incidenttimeline.api.support.Bodies;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the audit trail on a store of N events (default 100,000): the application is started on a fresh H2 file
 * store, one incident is declared through the API, its two stored rows are copied N/2 times into DomainEventEntry
 * (fresh ids, same format), and then chaining + signing, the HTTP export, the server verification and the offline
 * verifier are each timed once. Not a test: run it by hand (docs/benchmarks.md has the command).
 */
public final class AuditBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dataDir = Files.createTempDirectory("audit-benchmark-");
        try (ConfigurableApplicationContext app = SpringApplication.run(IncidentTimelineApplication.class,
                "--incident.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=WARN",
                "--incident.audit.chain-interval=PT1H")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            String token = Files.readString(dataDir.resolve("admin-token")).trim();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            String id = "bench-template";
            check(send(base, token, "POST", "/api/v1/incidents", json(Bodies.declaration(id))), 201);
            List<StoredEvent> template = jdbc.query("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    (row, n) -> row.getLong(1), id).stream()
                    .map(p -> new EventRows(jdbc).page(p - 1, p, 1).get(0)).toList();
            long started = System.nanoTime();
            insertCopies(jdbc, template, count - template.size());
            report("insert rows (setup)", count, started, null);

            started = System.nanoTime();
            HttpResponse<String> checkpoint = send(base, token, "POST", "/api/v1/audit/checkpoints", null);
            check(checkpoint, 201);
            report("chain + sign checkpoint", count, started, null);

            Path export = dataDir.resolve("export.ndjson");
            started = System.nanoTime();
            HttpResponse<Path> exported = HTTP.send(request(base, token, "GET", "/api/v1/audit/export", null).build(),
                    HttpResponse.BodyHandlers.ofFile(export));
            check(exported, 200);
            report("export (HTTP, NDJSON)", count, started, Files.size(export));

            started = System.nanoTime();
            HttpResponse<String> verified = send(base, token, "GET", "/api/v1/audit/verify", null);
            check(verified, 200);
            report("verify on the server", count, started, null);
            if (!verified.body().contains("\"intact\":true")) {
                throw new IllegalStateException("the store did not verify: " + verified.body());
            }

            Path key = Files.writeString(dataDir.resolve("key.pem"),
                    send(base, null, "GET", "/api/v1/audit/public-key", null).body());
            started = System.nanoTime();
            int code = VerifyCommand.run(new String[] {export.toString(), "--public-key", key.toString()},
                    new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err);
            report("offline verifier (CLI)", count, started, null);
            if (code != VerifyCommand.INTACT) {
                throw new IllegalStateException("the offline verifier exited with " + code);
            }
        }
    }

    private static void insertCopies(JdbcTemplate jdbc, List<StoredEvent> template, int copies) {
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            StoredEvent row = template.get(i % template.size());
            String aggregate = "bench-" + (i / template.size());
            String payload = new String(row.payload(), StandardCharsets.UTF_8).replace("bench-template", aggregate);
            batch.add(new Object[] {UUID.randomUUID().toString(), row.payloadType(), row.revision(), row.aggregateType(),
                    aggregate, row.sequenceNumber(), row.recordedAt(), row.metadata(),
                    payload.getBytes(StandardCharsets.UTF_8)});
            if (batch.size() == 1000 || i == copies - 1) {
                jdbc.batchUpdate("INSERT INTO DomainEventEntry (eventIdentifier, payloadType, payloadRevision, type, "
                        + "aggregateIdentifier, sequenceNumber, timeStamp, metaData, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
                batch.clear();
            }
        }
    }

    private static void report(String what, int events, long startedNanos, Long bytes) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-26s %8d events in %6.2f s = %8.0f events/s%s%n", what, events, seconds,
                events / seconds, bytes == null ? "" : String.format(Locale.ROOT, " (%.1f MB)", bytes / 1e6));
    }

    private static HttpResponse<String> send(String base, String token, String method, String path, String body)
            throws Exception {
        return HTTP.send(request(base, token, method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String base, String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static void check(HttpResponse<?> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static String json(Object value) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    }
}
