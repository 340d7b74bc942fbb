package io.incidenttimeline.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed and hostile requests against every operation the API describes: broken and mistyped bodies, unknown
 * fields, oversized and control-character strings, path traversal and SQL in ids, bad parameters and headers, wrong
 * content types. Each must be refused with a 4xx problem+json, none may be a 5xx, and none may write an event.
 */
class HostileInputApiTest extends ApiIntegrationTest {

    /** An admin token with a rate limit the corpus cannot reach, so every request meets the check it is aimed at. */
    private static final String ADMIN = "hostile-secret";

    private static final List<String> HOSTILE_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--",
            "x".repeat(300), "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E2%80%AE%E2%80%AD", "a%00b", "..", "%20");
    private static final List<String> BROKEN_BODIES = List.of("{", "[]", "\"text\"", "null", "42", "{\"a\":}",
            "{\"unknown\": true}", "{\"title\": \"\u0007bell\"}", "\uFEFF{}", "{\"a\": 1e99999}");
    private static final List<Object> WRONG_VALUES = List.of(12345, true, List.of("x"), Map.of("k", "v"),
            "\u0000\u0001\u0002", "9999-99-99T99:99:99Z", "-1", "x".repeat(12_000));
    private static final Map<String, String> BAD_QUERY_VALUES = Map.ofEntries(
            Map.entry("incident", "a\u0000b"), Map.entry("actor", "\u0000"),
            Map.entry("tz", "Mars/Olympus_Mons"), Map.entry("lang", "not a language"), Map.entry("asOf", "yesterday"),
            Map.entry("from", "2024-13-45"), Map.entry("to", "+999999999-12-31T23:59:59Z"), Map.entry("after", "-5"),
            Map.entry("limit", "1000000"), Map.entry("fromPosition", "abc"), Map.entry("toPosition", "-1"));

    private static final String TITLE = "\"title\":\"Checkout fails\"";

    @Autowired
    DataSource dataSource;

    private final List<String> failures = new ArrayList<>();
    private JsonNode schemas;
    private int requests;

    @Test
    void everyMalformedRequestIsA4xxProblemAndWritesNothing() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        JsonNode description = api.get("/v3/api-docs/complete").as(ADMIN).send().json();
        JsonNode paths = description.get("paths");
        schemas = description.at("/components/schemas");

        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var operation = ops.next();
                attack(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
            }
        }
        hostileHeaders();

        assertThat(requests).as("size of the corpus").isGreaterThanOrEqualTo(300);
        assertThat(failures).as(failures.size() + " of " + requests + " hostile requests were not a clean 4xx").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class))
                .as("the event store is unchanged").isEqualTo(eventsBefore);
    }

    /**
     * Bodies a lenient JSON reader would accept and bend into something else (a duplicate key publishing an internal
     * update, a boolean read as text, an epoch number as a time, an overlong UTF-8 form as '/'): each is a 400 naming
     * the field, or {@code body} when the body as a whole is at fault, and none writes an event.
     */
    @Test
    void bodiesThatAreNotExactlyTheirOpenApiTypesAreRefusedNamingTheField() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        String id = ApiClient.uniqueId("strict");
        String head = "{\"id\":\"" + id + "\"," + TITLE + ",\"locale\":\"en\",\"impact\":\"minor\","
                + "\"status\":\"investigating\",\"message\":\"We are investigating.\"";
        String valid = head + ",\"visibility\":\"internal\"}";
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put(valid + "xyz", new String[] {"malformed-body", "body"});
        cases.put(valid + "{}", new String[] {"malformed-body", "body"});
        cases.put(valid + "[1]", new String[] {"malformed-body", "body"});
        cases.put(head + ",\"visibility\":\"internal\",\"visibility\":\"public\"}", new String[] {"duplicate-field", "visibility"});
        cases.put(head + ",\"visibility\":\"public\",\"components\":{\"a\":\"major_outage\",\"a\":\"operational\"}}",
                new String[] {"duplicate-field", "components.a"});
        cases.put(valid.replace(TITLE, "\"title\":true"), new String[] {"invalid-field", "title"});
        cases.put(valid.replace(TITLE, "\"title\":12.5"), new String[] {"invalid-field", "title"});
        cases.put(valid.replace("\"id\":\"" + id + "\"", "\"id\":123"), new String[] {"invalid-field", "id"});
        cases.put(with(valid, "\"nextUpdateInMinutes\":1.5"), new String[] {"invalid-field", "nextUpdateInMinutes"});
        cases.put(with(valid, "\"nextUpdateInMinutes\":30.0"), new String[] {"invalid-field", "nextUpdateInMinutes"});
        cases.put(with(valid, "\"nextUpdateInMinutes\":\"30\""), new String[] {"invalid-field", "nextUpdateInMinutes"});
        cases.put(with(valid, "\"nextUpdateInMinutes\":true"), new String[] {"invalid-field", "nextUpdateInMinutes"});
        cases.put(with(valid, "\"occurredAt\":1720000000"), new String[] {"invalid-field", "occurredAt"});
        cases.put(with(valid, "\"occurredAt\":1720000000.5"), new String[] {"invalid-field", "occurredAt"});
        cases.put(with(valid, "\"occurredAt\":\"\""), new String[] {"invalid-field", "occurredAt"});
        cases.put(with(valid, "\"occurredAt\":\" \""), new String[] {"invalid-field", "occurredAt"});
        cases.put(with(valid, "\"occurredAt\":\"0001-01-01T00:00:00Z\""), new String[] {"time-out-of-range", "occurredAt"});
        cases.put(valid.replace("\"internal\"", "1"), new String[] {"invalid-field", "visibility"});
        cases.put(with(valid, "\"regions\":[null]"), new String[] {"value-required", "regions[0]"});
        cases.put(with(valid, "\"regions\":[\"eu\",null]"), new String[] {"value-required", "regions[1]"});
        cases.put(with(valid, "\"regions\":null"), new String[] {"value-required", "regions"});
        cases.put(with(valid, "\"components\":{\"api\":null}"), new String[] {"value-required", "components.api"});
        cases.put(with(valid, "\"regions\":\"eu\""), new String[] {"invalid-field", "regions"});
        cases.put(valid.replace(TITLE, "\"title\":\"half \\ud800 a pair\""), new String[] {"invalid-field", "title"});
        cases.put(with(valid, "\"components\":{\"\\udc00\":\"operational\"}"), new String[] {"invalid-field", "components"});
        cases.put("null", new String[] {"malformed-body", "body"});
        cases.put("", new String[] {"malformed-body", "body"});
        for (var entry : cases.entrySet()) {
            refusedNaming(api.post("/api/v1/incidents").as(ADMIN).rawJson(entry.getKey()), entry.getKey(),
                    entry.getValue()[0], entry.getValue()[1]);
        }
        byte[][] notUtf8 = {bytes(valid, "Checkout fails", new byte[] {'a', (byte) 0xC0, (byte) 0xAF, 'b'}),
                bytes(valid, "Checkout fails", new byte[] {'c', 'a', 'f', (byte) 0xE9}),
                bytes(valid, "Checkout fails", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                bytes(valid, "Checkout fails", new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}),
                bytes(valid, "Checkout fails", new byte[] {(byte) 0xE2, (byte) 0x82})};
        for (byte[] body : notUtf8) {
            refusedNaming(api.post("/api/v1/incidents").as(ADMIN).body("application/json",
                    HttpRequest.BodyPublishers.ofByteArray(body)), "not UTF-8", "malformed-body", "body");
            refusedNaming(api.post("/api/v1/incidents").as(ADMIN).body("application/json; charset=ISO-8859-1",
                    HttpRequest.BodyPublishers.ofByteArray(body)), "not UTF-8, declared Latin-1", "malformed-body", "body");
        }
        assertThat(failures).as(failures.size() + " bodies were not refused as expected").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class))
                .as("the event store is unchanged").isEqualTo(eventsBefore);
        var accepted = api.post("/api/v1/incidents").as(ADMIN).rawJson(valid.replace(TITLE, "\"title\":\"Call \\ud83d\\udcde down\"")).send();
        assertThat(accepted.status()).as("a surrogate pair is a character: " + accepted).isEqualTo(201);
    }

    private static String with(String body, String member) {
        return body.substring(0, body.length() - 1) + "," + member + "}";
    }

    private static byte[] bytes(String body, String replaced, byte[] replacement) {
        String[] parts = body.split(replaced, 2);
        byte[] start = parts[0].getBytes(StandardCharsets.UTF_8);
        byte[] end = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + replacement.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(replacement, 0, all, start.length, replacement.length);
        System.arraycopy(end, 0, all, start.length + replacement.length, end.length);
        return all;
    }

    private void refusedNaming(ApiClient.Call call, String body, String type, String field) {
        try {
            ApiClient.Response response = call.send();
            JsonNode problem = response.status() == 400 ? response.json() : null;
            if (problem == null || !problem.path("type").asText().equals("/problems/" + type)
                    || !problem.path("field").asText().equals(field) || problem.path("detail").asText().isBlank()) {
                failures.add(abbreviate(body) + " -> expected 400 " + type + " naming " + field + ", was " + response);
            }
        } catch (AssertionError | RuntimeException e) {
            failures.add(abbreviate(body) + " -> " + abbreviate(e.getMessage()));
        }
    }

    private void attack(String method, String template, JsonNode operation) {
        boolean hasBody = operation.has("requestBody");
        for (String id : HOSTILE_IDS) {
            if (template.contains("{")) {
                String path = template.replaceAll("\\{[^}]+}", id);
                expect4xx(method, path, hasBody ? api.call(method, path).as(ADMIN).rawJson("{}") : api.call(method, path).as(ADMIN));
            }
        }
        String path = template.replaceAll("\\{[^}]+}", "talk-call-recordings-2024-07-05");
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.get("name").asText();
            if (parameter.get("in").asText().equals("query") && BAD_QUERY_VALUES.containsKey(name)) {
                String query = "?" + name + "=" + URLEncoder.encode(BAD_QUERY_VALUES.get(name), StandardCharsets.UTF_8);
                expect4xx(method, path + query, api.call(method, path + query).as(ADMIN));
            }
        }
        if (!hasBody) {
            return;
        }
        for (String body : BROKEN_BODIES) {
            expect4xx(method, path + " " + body, api.call(method, path).as(ADMIN).rawJson(body));
        }
        expect4xx(method, path + " text/plain", api.call(method, path).as(ADMIN)
                .body("text/plain", HttpRequest.BodyPublishers.ofString("hello")));
        expect4xx(method, path + " xml", api.call(method, path).as(ADMIN)
                .body("application/xml", HttpRequest.BodyPublishers.ofString("<a/>")));
        expect4xx(method, path + " no body", api.call(method, path).as(ADMIN).header("Content-Type", "application/json"));
        expect4xx(method, path + " 2 MiB", api.call(method, path).as(ADMIN).rawJson("{\"title\":\"" + "x".repeat(2 << 20) + "\"}"));
        JsonNode example = operation.at("/requestBody/content/application~1json/example");
        for (String field : fieldsOf(operation)) {
            for (Object wrong : WRONG_VALUES) {
                Map<String, Object> body = new LinkedHashMap<>();
                if (example.isObject()) {
                    example.fields().forEachRemaining(e -> body.put(e.getKey(), ApiClient.tree(e.getValue())));
                }
                body.put(field, wrong);
                body.put("occurredAt", "2999-01-01T00:00:00Z");
                expect4xx(method, path + " " + field + "=" + String.valueOf(wrong).substring(0,
                        Math.min(20, String.valueOf(wrong).length())), api.call(method, path).as(ADMIN).json(body));
            }
        }
    }

    private List<String> fieldsOf(JsonNode operation) {
        List<String> fields = new ArrayList<>();
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties").fieldNames().forEachRemaining(fields::add);
        }
        return fields;
    }

    private void hostileHeaders() {
        String path = "/api/v1/incidents/talk-call-recordings-2024-07-05/updates";
        String body = "{\"status\":\"identified\",\"message\":\"m\",\"visibility\":\"public\"}";
        for (String ifMatch : List.of("yesterday", "\"-1\"", "W/\"abc\"", "\"99999999999999999999\"")) {
            expect4xx("POST", path + " If-Match " + ifMatch, api.post(path).as(ADMIN).header("If-Match", ifMatch).rawJson(body));
        }
        for (String key : List.of("x".repeat(300), "with space", "")) {
            expect4xx("POST", path + " key", api.post(path).as(ADMIN).header("Idempotency-Key", key).rawJson(body));
        }
        for (String authorization : List.of("Bearer", "Bearer ", "Basic !!!", "Token abc", "Bearer " + "x".repeat(5000))) {
            expect4xx("POST", path + " auth " + authorization.substring(0, Math.min(12, authorization.length())),
                    api.post(path).header("Authorization", authorization).rawJson(body));
        }
        expect4xx("POST", path + " correlation", api.post(path).as(ADMIN).header("X-Correlation-Id", "<script>").rawJson(body));
    }

    private void expect4xx(String method, String description, ApiClient.Call call) {
        requests++;
        try {
            ApiClient.Response response = call.send();
            boolean problem = response.header("Content-Type") != null
                    && response.header("Content-Type").startsWith("application/problem+json");
            if (response.status() < 400 || response.status() >= 500 || !problem) {
                failures.add(method + " " + description + " -> " + response.status() + " "
                        + response.header("Content-Type") + " " + abbreviate(response.body()));
            }
        } catch (AssertionError | RuntimeException e) {
            failures.add(method + " " + description + " -> " + abbreviate(e.getMessage()));
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
