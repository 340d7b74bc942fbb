package io.incidenttimeline.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Header values with bytes beyond ASCII (C1 controls 0x80-0x9F, Latin-1, the UTF-8 of Cyrillic text) on every kind
 * of endpoint: each is a 400 problem naming the header, none a 500, and none stores anything. Java's HttpClient
 * refuses to send such headers, so these requests are written byte for byte on a socket.
 */
class HeaderBytesApiTest extends ApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, byte[]> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("NEL 0x85", new byte[] {(byte) 0x85});
        VALUES.put("C1 0x80", new byte[] {'a', (byte) 0x80});
        VALUES.put("C1 0x9F", new byte[] {(byte) 0x9F, 'z'});
        VALUES.put("Latin-1 é", new byte[] {'c', (byte) 0xE9});
        VALUES.put("UTF-8 ключ", "ключ".getBytes(StandardCharsets.UTF_8));
        VALUES.put("0xFF", new byte[] {(byte) 0xFF});
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private String incident;

    @BeforeEach
    void declare() {
        ReferenceIncidentFixture.loadAndProject(api);
        incident = ApiClient.uniqueId("header-bytes");
        Incidents.declare(api, Bodies.declaration(incident));
    }

    @Test
    void aHeaderWithBytesBeyondAsciiIsA400ProblemNamingItOnEveryEndpoint() throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String header : List.of("X-Foo", "Idempotency-Key", "User-Agent", "If-None-Match", "X-Correlation-Id")) {
            for (Map.Entry<String, byte[]> value : VALUES.entrySet()) {
                for (Request request : endpoints()) {
                    requests++;
                    Answer answer = send(request, header, value.getValue());
                    String what = request.method() + " " + request.path() + " " + header + ": " + value.getKey();
                    if (answer.status() != 400 || !answer.contentType().startsWith("application/problem+json")) {
                        failures.add(what + " -> " + answer);
                        continue;
                    }
                    if (request.method().equals("HEAD")) {
                        continue;
                    }
                    JsonNode problem = JSON.readTree(answer.body());
                    if (!problem.path("type").asText().equals("/problems/invalid-header")
                            || !problem.path("field").asText().equals(header)) {
                        failures.add(what + " -> " + answer);
                    }
                }
            }
        }
        assertThat(requests).isGreaterThanOrEqualTo(200);
        assertThat(failures).as(failures.size() + " of " + requests + " were not a 400 invalid-header").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class))
                .as("the event store is unchanged").isEqualTo(eventsBefore);
    }

    /** Tomcat refuses control characters itself, before the application: its answer is a problem too. */
    @Test
    void aControlCharacterInAHeaderIsRefusedByTomcatWithAProblem() throws IOException {
        for (Request request : endpoints()) {
            if (request.method().equals("HEAD")) {
                continue;
            }
            Answer answer = send(request, "X-Foo", new byte[] {'a', 0x01, 'b'});
            assertThat(answer.status()).as(request + " -> " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).get("type").asText()).isEqualTo("/problems/bad-request");
        }
    }

    @Test
    void theSameRequestWithAnAsciiHeaderIsAccepted() throws IOException {
        for (Request request : endpoints()) {
            Answer answer = send(request, "X-Foo", "plain ascii, with\ttab".getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).as(request + " -> " + answer).isBetween(200, 399);
        }
    }

    private List<Request> endpoints() {
        String declaration = "{\"id\":\"" + ApiClient.uniqueId("header-bytes") + "\",\"title\":\"Header bytes\","
                + "\"locale\":\"en\",\"impact\":\"minor\",\"status\":\"investigating\",\"message\":\"m\",\"visibility\":\"public\"}";
        String update = "{\"status\":\"monitoring\",\"message\":\"m\",\"visibility\":\"internal\"}";
        return List.of(
                new Request("POST", "/api/v1/incidents", ApiClient.RESPONDER, declaration),
                new Request("POST", "/api/v1/incidents/" + incident + "/updates", ApiClient.RESPONDER, update),
                new Request("GET", "/api/v1/audit/events?limit=1", ApiClient.AUDITOR, null),
                new Request("GET", "/api/v2/summary.json", null, null),
                new Request("HEAD", "/api/v2/status.json", null, null),
                new Request("GET", "/api/public/v1/incidents/" + ReferenceIncidentFixture.ID, null, null),
                new Request("GET", "/", null, null),
                new Request("GET", "/incidents/" + ReferenceIncidentFixture.ID, null, null),
                new Request("GET", "/actuator/health", null, null),
                new Request("GET", "/v3/api-docs", null, null));
    }

    private record Request(String method, String path, String token, String json) {
    }

    private record Answer(int status, String contentType, String body) {

        @Override
        public String toString() {
            return status + " " + contentType + " " + body.substring(0, Math.min(200, body.length()));
        }
    }

    /** One HTTP/1.1 exchange on its own connection, the header's value written as the bytes given. */
    private Answer send(Request request, String header, byte[] value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] body = request.json() == null ? new byte[0] : request.json().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(request.method() + " " + request.path() + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\nConnection: close\r\n");
        if (request.token() != null) {
            head.append("Authorization: Bearer ").append(request.token()).append("\r\n");
        }
        if (request.json() != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes((header + ": ").getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(value);
        bytes.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(body);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(bytes.toByteArray());
            return parse(socket.getInputStream().readAllBytes(), "HEAD".equals(request.method()));
        }
    }

    private static Answer parse(byte[] response, boolean head) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        byte[] rest = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = head ? new byte[0] : chunked ? dechunk(rest) : rest;
        return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
