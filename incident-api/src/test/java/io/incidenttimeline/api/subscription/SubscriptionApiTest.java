package io.incidenttimeline.api.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.axon.IncidentProperties;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Pages;
import io.incidenttimeline.projections.support.ReadStore;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscribing in the shared application, which has no mail server: refusals name their field, bodies are read
 * strictly, the form escapes what it shows again, the page links to it, and the confirmation lands as an .eml file.
 */
class SubscriptionApiTest extends ApiIntegrationTest {

    @Autowired
    private IncidentProperties incident;

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    private ApiClient.Response subscribe(String json) {
        return api.post("/api/public/v1/subscriptions").rawJson(json).send();
    }

    @Test
    void refusalsNameTheField() {
        var invalid = subscribe("{\"email\":\"nonsense-without-at\"}");
        var injected = subscribe("{\"email\":\"a@example.com\\r\\nBcc: victim@example.com\"}");
        var displayName = subscribe("{\"email\":\"Ada <ada@example.com>\"}");
        var missing = subscribe("{\"locale\":\"en\"}");
        var unknownComponent = subscribe("{\"email\":\"ada@example.com\",\"components\":[\"no-such-component\"]}");
        var emptyComponents = subscribe("{\"email\":\"ada@example.com\",\"components\":[]}");
        var locale = subscribe("{\"email\":\"ada@example.com\",\"locale\":\"not a language\"}");
        var zone = subscribe("{\"email\":\"ada@example.com\",\"zone\":\"Mars/Olympus_Mons\"}");
        var unknownField = subscribe("{\"email\":\"ada@example.com\",\"admin\":true}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asText()).isEqualTo("email");
        assertThat(invalid.json().get("type").asText()).endsWith("/invalid-email");
        assertThat(invalid.body()).as("the address is not echoed").doesNotContain("nonsense-without-at");
        assertThat(injected.json().get("field").asText()).isEqualTo("email");
        assertThat(displayName.json().get("field").asText()).isEqualTo("email");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("email");
        assertThat(unknownComponent.status()).isEqualTo(400);
        assertThat(unknownComponent.json().get("field").asText()).isEqualTo("components[0]");
        assertThat(unknownComponent.json().get("type").asText()).endsWith("/unknown-component");
        assertThat(emptyComponents.json().get("field").asText()).isEqualTo("components");
        assertThat(locale.json().get("field").asText()).isEqualTo("locale");
        assertThat(zone.json().get("field").asText()).isEqualTo("zone");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("type").asText()).endsWith("/unknown-field");
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM email_subscription WHERE email = 'ada@example.com'",
                Integer.class)).isZero();
    }

    @Test
    void withoutAMailServer_theConfirmationIsAnEmlFileInTheDataDirectory() throws Exception {
        String address = ApiClient.uniqueId("eml") + "@example.com";

        var answer = subscribe("{\"email\":\"" + address + "\"}");

        assertThat(answer.status()).isEqualTo(202);
        String id = readStore.queryForObject("SELECT subscription_id FROM email_subscription WHERE email = ?",
                String.class, address);
        Path folder = incident.dataDir().resolve("mail").resolve(id);
        Path eml = Eventually.until(() -> emls(folder), files -> files.size() == 1, "the confirmation file").get(0);
        String mail = Files.readString(eml);
        assertThat(mail).contains("To: " + address).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .contains("/subscriptions/confirm?token=");
    }

    @Test
    void theFormIsLinkedFromThePage_andShowsWhatWasTypedEscaped() {
        Pages pages = new Pages(api.get("/").send().raw().uri().getPort());

        HttpResponse<String> index = pages.get("/");
        HttpResponse<String> form = pages.get("/subscribe");
        String hostile = "\"><script>alert(1)</script>@example.com";
        HttpResponse<String> refused = pages.post("/subscribe", "email=" + URLEncoder.encode(hostile,
                StandardCharsets.UTF_8) + "&scope=all&locale=en");
        HttpResponse<String> noComponent = pages.post("/subscribe", "email=ada%40example.com&scope=some&locale=en");
        HttpResponse<String> german = pages.get("/subscribe?lang=de");

        assertThat(index.body()).contains("href=\"/subscribe\"");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form method=\"post\" action=\"/subscribe\"").contains("name=\"email\"")
                .doesNotContain("<script");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(form.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please give an email address").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");
        assertThat(noComponent.statusCode()).isEqualTo(400);
        assertThat(noComponent.body()).contains("Please choose at least one component");
        assertThat(german.body()).contains("Meldungen per E-Mail erhalten");
    }

    @Test
    void theFormSubscribesLikeTheApi() {
        Pages pages = new Pages(api.get("/").send().raw().uri().getPort());
        String address = ApiClient.uniqueId("form") + "@example.com";

        HttpResponse<String> sent = pages.post("/subscribe", "email=" + URLEncoder.encode(address,
                StandardCharsets.UTF_8) + "&scope=all&locale=de&zone=Europe%2FBerlin");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your inbox").doesNotContain(address);
        Map<String, Object> row = readStore.queryForMap("SELECT status, locale, zone, components FROM email_subscription "
                + "WHERE email = ?", address);
        assertThat(row).containsEntry("status", "pending").containsEntry("locale", "de")
                .containsEntry("zone", "Europe/Berlin");
        assertThat(row.get("components")).isNull();
    }

    @Test
    void subscriptionsArePrimaryData_aReplayOfTheReadModelsLeavesThemAndTheirMails() {
        String address = ApiClient.uniqueId("replay") + "@example.com";
        assertThat(subscribe("{\"email\":\"" + address + "\"}").status()).isEqualTo(202);
        String id = readStore.queryForObject("SELECT subscription_id FROM email_subscription WHERE email = ?",
                String.class, address);
        int generation = publicView().get("activeGeneration").asInt();

        var replay = api.post("/api/v1/admin/projections/public-view/replay").as(ApiClient.ADMIN).send();

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        Eventually.until(this::publicView, view -> view.get("activeGeneration").asInt() == generation + 1
                && view.get("state").asText().equals("live"), "the rebuilt public view live");
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM email_subscription WHERE subscription_id = ?",
                Integer.class, id)).isEqualTo(1);
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE subscription_id = ?",
                Integer.class, id)).isEqualTo(1);
    }

    private com.fasterxml.jackson.databind.JsonNode publicView() {
        for (var projection : api.get("/api/v1/admin/projections").as(ApiClient.ADMIN).send().json().get("projections")) {
            if (projection.get("name").asText().equals("public-view")) {
                return projection;
            }
        }
        throw new AssertionError("no public-view projection");
    }

    private static List<Path> emls(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
