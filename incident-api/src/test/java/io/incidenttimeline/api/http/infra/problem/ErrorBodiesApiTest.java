package io.incidenttimeline.api.http.infra.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every 4xx, wherever it is decided (Spring MVC, Spring Security and its firewall, Actuator, Tomcat), carries a
 * problem+json body with a stable type, its status, and a detail that names no internals.
 */
class ErrorBodiesApiTest extends ApiIntegrationTest {

    private static final String COMMAND = "/api/v1/incidents";

    private final List<String> failures = new ArrayList<>();

    @LocalServerPort
    int port;

    @Test
    void aCommandThatCannotAnswerInAnAcceptableTypeAnswersA406ProblemAnyway() {
        var plain = command().header("Accept", "text/plain").send();
        assertProblem(plain, 406, "not-acceptable");
        var image = api.get("/api/v2/incidents.json").header("Accept", "image/png").send();
        assertProblem(image, 406, "not-acceptable");
    }

    @Test
    void aMalformedAcceptIsA400NamingTheHeaderOnCommandsReadsAndPages() {
        for (String accept : List.of("garbage;;;", "application/json;q=2", "text/html;q=x")) {
            for (ApiClient.Call call : List.of(command(), api.get("/api/v2/summary.json"), api.get("/"),
                    api.get("/actuator/health"))) {
                ApiClient.Response response = call.header("Accept", accept).send();
                assertProblem(response, 400, "invalid-header");
                assertThat(response.json().get("field").asText()).isEqualTo("Accept");
            }
        }
    }

    @Test
    void anUnknownPathIsA404ProblemThatNamesThePathAndNoStaticResource() {
        for (String path : List.of("/api/v1/incidents/none/nothing", "/api/v1/nothing", "/nothing",
                "/api/public/v1/nothing", "/api/v2/nothing.json", "/assets/nothing.css", "/error")) {
            ApiClient.Response response = api.get(path).as(ApiClient.ADMIN).send();
            assertProblem(response, 404, "not-found");
            assertThat(response.json().get("detail").asText()).isEqualTo("there is nothing at " + path);
        }
        var html = api.get("/incidents/none-such").header("Accept", "text/html").send();
        assertThat(html.status()).as("a page keeps its HTML 404").isEqualTo(404);
        assertThat(html.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void aHealthComponentHiddenFromAnAnonymousCallerIsA404Problem() {
        assertProblem(api.get("/actuator/health/db").send(), 404, "not-found");
        assertThat(api.get("/actuator/health/db").as(ApiClient.ADMIN).send().status()).isEqualTo(200);
    }

    @Test
    void methodsMediaTypesAndCredentialsRefusedAnywhereAreProblems() {
        expect(api.call("DELETE", COMMAND).as(ApiClient.ADMIN).send(), 405, "method-not-allowed");
        expect(api.call("POST", "/").rawJson("{}").send(), 405, "method-not-allowed");
        expect(api.call("TRACE", "/api/v2/summary.json").send(), 405, "method-not-allowed");
        expect(unchecked("FOO", "/api/v2/summary.json"), 405, "method-not-allowed");
        expect(api.post(COMMAND).as(ApiClient.RESPONDER)
                .body("text/plain", HttpRequest.BodyPublishers.ofString("hello")).send(), 415, "unsupported-media-type");
        expect(api.post(COMMAND).as(ApiClient.RESPONDER).body("garbage;;;", HttpRequest.BodyPublishers.ofString("{}"))
                .send(), 415, "unsupported-media-type");
        expect(api.post(COMMAND).json(Bodies.declaration(ApiClient.uniqueId("no-token"))).send(), 401,
                "authentication-required");
        expect(api.post(COMMAND).as("not-a-token").json(Bodies.declaration(ApiClient.uniqueId("bad-token"))).send(),
                401, "invalid-token");
        expect(api.post(COMMAND).as(ApiClient.AUDITOR).json(Bodies.declaration(ApiClient.uniqueId("auditor"))).send(),
                403, "forbidden");
        expect(api.get("/actuator/metrics").send(), 401, "authentication-required");
        expect(api.get("/api/v1/incidents/a%2Fb/updates").as(ApiClient.ADMIN).send(), 400, "bad-request");
        expect(api.get("/api/v1/incidents/a/../b").as(ApiClient.ADMIN).send(), 400, "bad-request");
        assertThat(failures).isEmpty();
    }

    /** A method the contract validator cannot even name. */
    private ApiClient.Response unchecked(String method, String path) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ApiClient.Call command() {
        return api.post(COMMAND).as(ApiClient.RESPONDER).json(Bodies.declaration(ApiClient.uniqueId("error-bodies")));
    }

    private void expect(ApiClient.Response response, int status, String type) {
        try {
            assertProblem(response, status, type);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    private static void assertProblem(ApiClient.Response response, int status, String type) {
        String request = response.raw().request().method() + " " + response.raw().request().uri() + " -> " + response;
        assertThat(response.status()).as(request).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(request).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).as(request).isEqualTo("/problems/" + type);
        assertThat(problem.get("status").asInt()).as(request).isEqualTo(status);
        assertThat(problem.get("detail").asText()).as(request).isNotBlank().doesNotContainIgnoringCase("static resource")
                .doesNotContain("Exception").doesNotContain("org.");
    }
}
