package io.incidenttimeline.api.http.infra.openapi;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ContractValidator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The served description: who sees which, what it says of an operation, and that drift from it is caught. */
class OpenApiContractTest extends ApiIntegrationTest {

    private static final String UPDATES = "/api/v1/incidents/{incidentId}/updates";

    @Test
    void everybodySeesThePublicDescriptionAndOnlyAnAdminTheCompleteOne() {
        JsonNode anonymous = api.get("/v3/api-docs").send().json();
        assertThat(anonymous.path("paths").has(UPDATES)).isFalse();
        JsonNode admin = api.get("/v3/api-docs").as(ADMIN).send().json();
        assertThat(admin.path("paths").has(UPDATES)).isTrue();
        assertThat(api.get("/v3/api-docs/public").send().status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs/complete").send().status()).isEqualTo(401);
        assertThat(api.get("/v3/api-docs/complete").as(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.get("/v3/api-docs/complete").as(AUDITOR).send().status()).isEqualTo(403);
    }

    /** What Swagger UI fetches, in order, when a browser without a token opens the reference (ApiReferenceBrowserTest). */
    @Test
    void theApiReferenceItsConfigurationAndTheDescriptionItOpensLoadWithoutAToken() {
        var reference = api.get("/api-reference.html").send();
        assertThat(reference.status()).isEqualTo(302);
        String ui = reference.header("Location");
        assertThat(api.get(ui).send().body()).contains("swagger-initializer.js");
        String initializer = api.get(ui.replace("index.html", "swagger-initializer.js")).send().body();
        assertThat(initializer).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"");

        var config = api.get("/v3/api-docs/swagger-config").send();
        assertThat(config.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        config.json().get("urls").forEach(u -> {
            names.add(u.get("name").asText());
            urls.add(u.get("url").asText());
        });
        assertThat(urls).as("each description listed once").containsExactlyInAnyOrder("/v3/api-docs/public",
                "/v3/api-docs/complete");
        String primary = config.json().get("urls.primaryName").asText();
        assertThat(primary).isEqualTo("public");
        var opened = api.get(urls.get(names.indexOf(primary))).send();
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("openapi").asText()).startsWith("3.");
        assertThat(opened.json().path("paths").has("/api/v2/summary.json")).isTrue();
        assertThat(api.get(urls.get(names.indexOf("complete (admin token)"))).send().status())
                .as("the complete description stays an admin's").isEqualTo(401);
    }

    @Test
    void aCommandDocumentsItsRoleHeadersErrorsAndAnExampleFromTheReferenceIncident() {
        JsonNode operation = complete().at("/paths/" + escape(UPDATES) + "/post");
        assertThat(operation.at("/security/0").has("bearerToken")).isTrue();
        assertThat(operation.at("/x-roles/0").asText()).isEqualTo("responder");
        List<String> headers = new ArrayList<>();
        operation.get("parameters").forEach(p -> {
            if (p.get("in").asText().equals("header")) {
                headers.add(p.get("name").asText());
            }
        });
        assertThat(headers).contains("Idempotency-Key", "If-Match", "X-Correlation-Id");
        assertThat(operation.at("/responses/201/headers").has("ETag")).isTrue();
        assertThat(enumOf(operation.at("/responses/409/content/application~1problem+json/schema/properties/type")))
                .contains("/problems/update-id-taken", "/problems/concurrent-modification",
                        "/problems/idempotency-key-in-progress");
        assertThat(enumOf(operation.at("/responses/412/content/application~1problem+json/schema/properties/type")))
                .containsExactly("/problems/version-mismatch");
        assertThat(operation.at("/requestBody/content/application~1json/example/updateId").asText())
                .isEqualTo("update-2024-07-05-1352");
        assertThat(enumOf(operation.at("/responses/503/content/application~1problem+json/schema/properties/type")))
                .containsExactly("/problems/storage-unavailable");
        assertThat(operation.at("/responses/503/headers").has("Retry-After")).isTrue();
        assertThat(enumOf(complete().at("/paths/~1api~1v2~1summary.json/get/responses/503/content/"
                + "application~1problem+json/schema/properties/type"))).containsExactly("/problems/storage-unavailable");
        assertThat(enumOf(complete().at("/paths/~1api~1v1~1incidents/post/responses/409/content/application~1problem+json"
                + "/schema/properties/type"))).contains("/problems/incident-already-declared");
    }

    @Test
    void theContractCheckRefusesAnUndocumentedProblemTypeOrField() {
        var contract = new ContractValidator(complete().toString());
        URI uri = URI.create("http://localhost/api/v1/incidents/x/updates");
        Map<String, String> headers = Map.of("Content-Type", "application/json");
        String body = "{\"status\":\"identified\",\"message\":\"m\",\"visibility\":\"public\"}";

        contract.check("POST", uri, headers, body, response(409,
                "{\"type\":\"/problems/update-id-taken\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"taken\"}"));
        assertThatThrownBy(() -> contract.check("POST", uri, headers, body, response(409,
                "{\"type\":\"/problems/made-up\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"d\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("made-up");
        assertThatThrownBy(() -> contract.check("POST", uri, headers, body, response(201,
                "{\"incidentId\":\"x\",\"updateId\":\"u\",\"version\":2,\"surprise\":true}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("surprise");
        assertThatThrownBy(() -> contract.check("POST", uri, headers, "{\"status\":\"sleeping\"}", response(201,
                "{\"incidentId\":\"x\",\"updateId\":\"u\",\"version\":2}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("sleeping");
    }

    /** A success body documented as a bare object says nothing: every JSON response names its shape. */
    @Test
    void everySuccessfulJsonResponseHasADocumentedShape() {
        JsonNode document = complete();
        List<String> vague = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(response -> {
                    JsonNode schema = response.getValue().at("/content/application~1json/schema");
                    boolean shaped = schema.has("$ref") || schema.has("properties") || schema.has("items");
                    if (response.getKey().startsWith("2") && !schema.isMissingNode() && !shaped) {
                        vague.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey());
                    }
                })));
        assertThat(vague).isEmpty();
    }

    /**
     * springdoc tells two handler methods of the same name apart by renaming one ({@code postUpdate_1}): a new
     * operation would silently rename an existing one that clients generate code from. Every id is chosen instead.
     */
    @Test
    void noOperationIdIsADisambiguatedHandlerName() {
        List<String> renamed = new ArrayList<>();
        complete().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String id = operation.getValue().path("operationId").asText();
            if (id.matches(".*_\\d+")) {
                renamed.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + id);
            }
        }));
        assertThat(renamed).isEmpty();
        assertThat(complete().at("/paths/" + escape(UPDATES) + "/post/operationId").asText()).isEqualTo("postUpdate");
    }

    /** .ci/run lints exactly what the application serves, so the tests leave a copy of it in target/openapi. */
    @Test
    void theServedDescriptionsAreWrittenForTheLinter() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "openapi"));
        for (String group : List.of("public", "complete")) {
            var response = api.get("/v3/api-docs/" + group).as(ADMIN).send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("openapi").asText()).startsWith("3.");
            Files.writeString(directory.resolve(group + ".json"), response.body());
        }
    }

    @Test
    void theLifecycleCommandDocumentsItsRulesRolesAndTheReferenceIncidentsExample() {
        JsonNode operation = complete().at("/paths/~1api~1v1~1incidents~1{incidentId}~1lifecycle~1{moment}/put");
        assertThat(operation.at("/operationId").asText()).isEqualTo("recordLifecycleTime");
        assertThat(operation.at("/x-roles").toString()).contains("responder").doesNotContain("auditor");
        assertThat(enumOf(operation.at("/responses/400/content/application~1problem+json/schema/properties/type")))
                .contains("/problems/unknown-moment", "/problems/text-required", "/problems/time-in-future");
        assertThat(enumOf(operation.at("/responses/409/content/application~1problem+json/schema/properties/type")))
                .contains("/problems/lifecycle-before-detection", "/problems/lifecycle-after-resolution",
                        "/problems/lifecycle-resolved-while-open");
        assertThat(operation.at("/requestBody/content/application~1json/example/at").asText())
                .isEqualTo("2024-07-05T13:20:00Z");
    }

    private JsonNode complete() {
        return api.get("/v3/api-docs/complete").as(ADMIN).send().json();
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> enumOf(JsonNode type) {
        List<String> values = new ArrayList<>();
        type.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static HttpResponse<String> response(int status, String body) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type",
                List.of(status < 300 ? "application/json" : "application/problem+json")), (a, b) -> true);
        return new HttpResponse<>() {
            public int statusCode() {
                return status;
            }

            public HttpRequest request() {
                return null;
            }

            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            public HttpHeaders headers() {
                return headers;
            }

            public String body() {
                return body;
            }

            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            public URI uri() {
                return URI.create("http://localhost");
            }

            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
