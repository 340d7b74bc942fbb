package io.incidenttimeline.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Real HTTP to the running application, with JSON bodies, as an integrator's client would send them. */
public final class ApiClient {

    public static final String RESPONDER = "responder-secret";
    public static final String AUDITOR = "auditor-secret";
    public static final String ADMIN = "admin-secret";

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final java.util.concurrent.ConcurrentHashMap<Integer, ContractValidator> CONTRACTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String base;
    private final int port;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    /** A client of an application started outside the test's Spring context (another process). */
    public static ApiClient onPort(int port) {
        return new ApiClient(port);
    }

    /** The complete description as an admin reads it from the running application, loaded once per application. */
    private ContractValidator contract() {
        return CONTRACTS.computeIfAbsent(port, p -> {
            var response = new Call("GET", "/v3/api-docs/complete").as(ADMIN).sendUnchecked();
            if (response.status() != 200) {
                throw new IllegalStateException("cannot read the OpenAPI description: " + response);
            }
            return new ContractValidator(response.body());
        });
    }

    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A request under construction: method, path, token, headers and body. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private String text;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call as(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(Object value) {
            try {
                return rawJson(value instanceof String s ? s : JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Call rawJson(String text) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(text);
            this.text = text;
            return this;
        }

        public Call body(String contentType, HttpRequest.BodyPublisher publisher) {
            headers.put("Content-Type", contentType);
            body = publisher;
            return this;
        }

        /** Sends the request and checks the exchange against the API's OpenAPI description. */
        public Response send() {
            Response response = sendUnchecked();
            contract().check(method, URI.create(base + path), headers, text, response.raw());
            return response;
        }

        Response sendUnchecked() {
            var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
