package io.incidenttimeline.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.ConsoleClient.Form;
import io.incidenttimeline.api.support.Incidents;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Declaring an incident through the console's form: the API's command, as the signed-in person, on channel console. */
class ConsoleDeclareTest extends ApiIntegrationTest {

    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Test
    void theDeclaredIncidentIsStoredWithTheTokensNameAsActorAndChannelConsoleThenTheBrowserGoesToIt() {
        String component = ApiClient.uniqueId("decl-api");
        Incidents.defineComponent(api, component, "Public API", "Core", 1);
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var form = browser.get("/console/incidents/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"component." + component + "\"").contains("Public API");
        String title = "Checkout errors " + ApiClient.uniqueId("t");

        var answer = browser.post("/console/incidents", declaration(form.body(), title)
                .add("component." + component, "partial_outage"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(303);
        assertThat(answer.location()).startsWith("/console/incidents/inc-");
        String id = answer.location().substring("/console/incidents/".length()).replaceFirst("\\?seen=\\d+$", "");
        var stream = api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send();
        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        JsonNode declared = stream.json().get("events").get(0);
        assertThat(declared.get("type").asText()).isEqualTo("IncidentDeclared");
        assertThat(declared.at("/payload/title").asText()).isEqualTo(title);
        assertThat(declared.at("/payload/impact").asText()).isEqualTo("major");
        assertThat(declared.at("/payload/components/" + component).asText()).isEqualTo("partial_outage");
        assertThat(declared.at("/payload/regions/1").asText()).isEqualTo("us-east");
        assertThat(declared.at("/metadata/actor").asText()).isEqualTo("test-responder");
        assertThat(declared.at("/metadata/role").asText()).isEqualTo("responder");
        assertThat(declared.at("/metadata/channel").asText()).isEqualTo("console");
        JsonNode firstUpdate = stream.json().get("events").get(1);
        assertThat(firstUpdate.at("/payload/visibility").asText()).isEqualTo("internal");
        assertThat(firstUpdate.at("/payload/message").asText()).isEqualTo("Payments are failing.");
        assertThat(firstUpdate.at("/metadata/channel").asText()).isEqualTo("console");
    }

    @Test
    void sendingTheSameFormTwiceDeclaresOneIncident() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.ADMIN);
        var form = browser.get("/console/incidents/new");
        Form declaration = declaration(form.body(), "Twice " + ApiClient.uniqueId("t"));

        var first = browser.post("/console/incidents", declaration);
        var second = browser.post("/console/incidents", declaration);

        assertThat(first.status()).as(first.toString()).isEqualTo(303);
        assertThat(second.status()).as(second.toString()).isEqualTo(303);
        assertThat(second.location()).isEqualTo(first.location());
    }

    @Test
    void aRefusedDeclarationShowsTheMessageNextToItsFieldAndKeepsTheInput() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var form = browser.get("/console/incidents/new");
        String title = "Kept title " + ApiClient.uniqueId("t");

        var answer = browser.post("/console/incidents", declaration(form.body(), title)
                .add("component.no-such-component-" + ApiClient.uniqueId("c"), "major_outage"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"components-problem\"").contains("The incident was not declared")
                .contains("value=\"" + title + "\"").contains(">Payments are failing.</textarea>")
                .contains("value=\"eu-west, us-east\"");
        assertThat(formKey(answer.body())).as("a new key: the refusal is kept for the old one")
                .isNotEqualTo(formKey(form.body()));
    }

    @Test
    void aMissingTitleAndANonNumericPromiseAreShownAtTheirFields() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var form = browser.get("/console/incidents/new");

        var notANumber = browser.post("/console/incidents", Form.of("formKey", formKey(form.body()), "title", "T",
                "impact", "minor", "status", "investigating", "message", "M", "visibility", "public", "locale", "en",
                "nextUpdateInMinutes", "soon"));
        var noTitle = browser.post("/console/incidents", Form.of("formKey", formKey(notANumber.body()), "title", " ",
                "impact", "minor", "status", "investigating", "message", "M", "visibility", "public", "locale", "en"));

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("id=\"nextUpdateInMinutes-problem\"").contains("whole number of minutes")
                .contains("value=\"soon\"");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("id=\"title-problem\">title is required");
    }

    @Test
    void aFormWithoutItsCsrfTokenOrWithAWrongOneIsRefusedAndNothingIsStored() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        var form = browser.get("/console/incidents/new");
        String title = "Forged " + ApiClient.uniqueId("t");

        var without = browser.postWithCsrf("/console/incidents", declaration(form.body(), title), null);
        var wrong = browser.postWithCsrf("/console/incidents", declaration(form.body(), title), "not-the-token");

        for (var answer : new ConsoleClient.Page[] {without, wrong}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.body()).contains("This form has expired or did not come from this console");
            assertThat(answer.header("Content-Type")).startsWith("text/html");
        }
        var search = api.get("/api/v1/incidents?status=open&limit=200").as(ApiClient.AUDITOR).send();
        assertThat(search.body()).doesNotContain(title);
    }

    @Test
    void anAuditorSeesNoDeclareFormAndTheirPostIsRefusedWithTheConsoles403Page() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);
        String title = "Auditor " + ApiClient.uniqueId("t");

        var form = browser.get("/console/incidents/new");
        var post = browser.post("/console/incidents", declaration("", title));

        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).doesNotContain("name=\"title\"");
        assertThat(post.status()).as(post.toString()).isEqualTo(403);
        assertThat(post.body()).contains("Your role may not do this");
        var search = api.get("/api/v1/incidents?status=open&limit=200").as(ApiClient.AUDITOR).send();
        assertThat(search.body()).doesNotContain(title);
    }

    private static Form declaration(String formPage, String title) {
        String key = formKey(formPage);
        Form form = Form.of("title", title, "impact", "major", "status", "investigating", "message",
                "Payments are failing.", "visibility", "internal", "regions", "eu-west, us-east",
                "nextUpdateInMinutes", "30", "locale", "en");
        return key == null ? form : form.add("formKey", key);
    }

    private static String formKey(String page) {
        Matcher key = FORM_KEY.matcher(page);
        return key.find() ? key.group(1) : null;
    }
}
