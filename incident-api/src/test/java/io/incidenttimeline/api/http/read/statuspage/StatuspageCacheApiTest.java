package io.incidenttimeline.api.http.read.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Statuspage documents the cache holds are served ahead of the filter chain ({@link CachedDocumentFilter}); what a
 * client receives must not differ from what the controller sends. Requests with credentials always take the normal
 * chain, so each pair below is one answer of each kind.
 */
class StatuspageCacheApiTest extends ApiIntegrationTest {

    private static final List<String> VARYING = List.of("date", "content-length", "transfer-encoding", ":status");

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void aCachedDocumentIsTheSameResponseAsTheControllers() {
        String incident = ApiClient.uniqueId("cached");
        Incidents.declare(api, Bodies.declaration(incident));
        Eventually.until(() -> api.get("/api/v2/summary.json").send().body(), body -> body.contains(incident),
                "the incident in summary.json");
        for (String path : CachedDocumentFilter.DOCUMENTS.keySet()) {
            ApiClient.Response[] pair = Eventually.until(() -> {
                double before = cachedResponses();
                ApiClient.Response controller = api.get(path).as(ApiClient.RESPONDER).send();
                ApiClient.Response cached = api.get(path).send();
                return cachedResponses() == before + 1 ? new ApiClient.Response[] {controller, cached} : null;
            }, p -> p != null, "a response of " + path + " from the cache right after one from the controller");
            ApiClient.Response controller = pair[0];
            ApiClient.Response cached = pair[1];
            assertThat(cached.status()).isEqualTo(200);
            assertThat(cached.body()).isEqualTo(controller.body());
            assertThat(headers(cached)).as(path).isEqualTo(headers(controller));
            assertThat(cached.header("Content-Length")).isEqualTo(String.valueOf(cached.raw().body().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void aCachedDocumentAnswersIfNoneMatchWith304() {
        String etag = fromCache(() -> api.get("/api/v2/status.json").send()).header("ETag");
        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            ApiClient.Response notModified = fromCache(() -> api.get("/api/v2/status.json")
                    .header("If-None-Match", ifNoneMatch).send());
            assertThat(notModified.status()).as(ifNoneMatch).isEqualTo(304);
            assertThat(notModified.header("ETag")).isEqualTo(etag);
            assertThat(notModified.body()).isEmpty();
        }
        ApiClient.Response changed = fromCache(() -> api.get("/api/v2/status.json")
                .header("If-None-Match", "\"other\"").send());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo(etag);
    }

    /** The request's answer once it came from the cache (the document is computed by a request with credentials). */
    private ApiClient.Response fromCache(java.util.function.Supplier<ApiClient.Response> request) {
        return Eventually.until(() -> {
            api.get("/api/v2/status.json").as(ApiClient.RESPONDER).send();
            double before = cachedResponses();
            ApiClient.Response response = request.get();
            return cachedResponses() == before + 1 ? response : null;
        }, r -> r != null, "an answer from the cache");
    }

    @Test
    void ifNoneMatchIsComparedWeaklyAgainstEachTagOfTheList() {
        assertThat(notModified("\"0ab\"", "\"0ab\"")).isTrue();
        assertThat(notModified("W/\"0ab\"", "\"0ab\"")).isTrue();
        assertThat(notModified("\"x\" , \"0ab\"", "\"0ab\"")).isTrue();
        assertThat(notModified("*", "\"0ab\"")).isTrue();
        assertThat(notModified("\"0abc\"", "\"0ab\"")).isFalse();
        assertThat(notModified(null, "\"0ab\"")).isFalse();
    }

    private static boolean notModified(String ifNoneMatch, String etag) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/status.json");
        if (ifNoneMatch != null) {
            request.addHeader("If-None-Match", ifNoneMatch);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean notModified = CachedDocumentFilter.notModified(request, response, etag);
        assertThat(response.getStatus()).isEqualTo(notModified ? 304 : 200);
        assertThat(response.getHeader("ETag")).isEqualTo(etag);
        return notModified;
    }

    @Test
    void crossOriginRequestsAndCredentialsTakeTheNormalChain() {
        double before = cachedResponses();
        for (int i = 0; i < 3; i++) {
            ApiClient.Response cors = api.get("/api/v2/summary.json").header("Origin", "https://widget.example").send();
            assertThat(cors.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(api.get("/api/v2/summary.json").as("not-a-token").send().status()).isEqualTo(401);
        }
        assertThat(cachedResponses()).isEqualTo(before);
    }

    /**
     * A request with a query takes the normal chain too, so the Statuspage documents answer a parameter (they take
     * none: no lang, no tz) the same whether or not the document is cached. Sent past the contract check, which
     * refuses the undocumented parameter itself: what is asserted is only the way the request took.
     */
    @Test
    void requestsWithAQueryTakeTheNormalChain() throws Exception {
        api.get("/api/v2/summary.json").send();
        double before = cachedResponses();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v2/summary.json?lang=fr"))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        assertThat(cachedResponses()).isEqualTo(before);
    }

    private double cachedResponses() {
        return meters.counter("incident.statuspage.cached.responses").count();
    }

    private static Map<String, List<String>> headers(ApiClient.Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.raw().headers().map().forEach((name, values) -> {
            if (!VARYING.contains(name.toLowerCase())) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }
}
