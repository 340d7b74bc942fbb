package io.incidenttimeline.api.http.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import org.junit.jupiter.api.Test;

/** A misspelt query parameter is refused with a 400 that names it, on every endpoint, never silently ignored. */
class UnknownQueryParameterApiTest extends ApiIntegrationTest {

    @Test
    void aMisspeltAuditFilterIsRefusedInsteadOfAnsweringWithEveryEvent() {
        String incident = ApiClient.uniqueId("unknown-param");
        Incidents.declare(api, Bodies.declaration(incident));
        Eventually.until(() -> api.get("/api/v1/audit/events?incident=" + incident).as(ApiClient.AUDITOR).send()
                .json().get("events"), events -> events.size() == 2, "the declaration and its first update in the audit trail");

        var misspelt = api.get("/api/v1/audit/events?incidentId=" + incident).as(ApiClient.AUDITOR).send();

        assertProblem(misspelt, "incidentId");
        assertThat(misspelt.json().get("detail").asText())
                .isEqualTo("incidentId is not a parameter of this endpoint; known: incident, actor, type, from, to, "
                        + "after, limit");
    }

    @Test
    void everyKindOfEndpointRefusesAParameterItDoesNotKnow() {
        String incident = ApiClient.uniqueId("unknown-param");
        assertProblem(api.post("/api/v1/incidents?dryRun=true").as(ApiClient.RESPONDER)
                .json(Bodies.declaration(incident)).send(), "dryRun");
        assertThat(api.get("/api/v1/audit/events?incident=" + incident).as(ApiClient.AUDITOR).send()
                .json().get("events")).as("the refused command stored nothing").isEmpty();

        assertProblem(api.get("/api/v1/metrics/incidents?from=2024-07-01T00:00:00Z&to=2024-08-01T00:00:00Z&tz=UTC")
                .as(ApiClient.AUDITOR).send(), "tz");
        assertProblem(api.get("/api/public/v1/incidents/" + ReferenceIncidentFixture.ID + "?language=de").send(), "language");
        assertProblem(api.get("/v3/api-docs/public?group=complete").send(), "group");
        var statuspage = api.get("/api/v2/summary.json?callback=show").send();
        assertProblem(statuspage, "callback");
        assertThat(statuspage.json().get("detail").asText()).endsWith("it takes none");
    }

    /** The cached documents are served ahead of the filter chain; an unknown parameter is refused there too. */
    @Test
    void theStatuspageDocumentsAcceptOnlyTheCacheBustingParameterCachedOrNot() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(api.get("/api/v2/status.json").send().status()).isEqualTo(200);
            assertThat(api.get("/api/v2/status.json?_=1720186260000").send().status()).isEqualTo(200);
            assertProblem(api.get("/api/v2/status.json?page=2").send(), "page");
        }
        assertProblem(api.get("/api/public/v1/incidents/" + ReferenceIncidentFixture.ID + "?_=1").send(), "_");
    }

    @Test
    void aPageAnswersAnUnknownParameterWithA400PageInTheReadersLanguage() {
        ReferenceIncidentFixture.loadAndProject(api);
        var front = api.get("/?sort=x").send();
        assertThat(front.status()).isEqualTo(400);
        assertThat(front.header("Content-Type")).startsWith("text/html");
        assertThat(front.header("Content-Security-Policy")).isNotNull();
        assertThat(front.body()).contains("The parameter sort is not one this page knows; it knows lang, tz.");

        var incident = api.get("/incidents/" + ReferenceIncidentFixture.ID + "?lang=de&zone=Europe/Berlin").send();
        assertThat(incident.status()).isEqualTo(400);
        assertThat(incident.body()).contains("Den Parameter zone kennt diese Seite nicht; sie kennt lang, tz.");

        assertThat(api.get("/history.atom?since=2024").send().body()).contains("it knows none");
        assertThat(api.get("/time-zone?tz=UTC&back=/&go=1").send().status()).isEqualTo(400);
        assertThat(api.get("/incidents/" + ReferenceIncidentFixture.ID + "?lang=de&tz=Europe/Berlin").send().status())
                .as("the parameters a page does know").isEqualTo(200);
    }

    @Test
    void aSharedLinkOfAPageWithLinkTrackingParametersShowsThePage() {
        ReferenceIncidentFixture.loadAndProject(api);
        assertThat(api.get("/?utm_source=newsletter&utm_medium=email").send().status()).isEqualTo(200);
        assertThat(api.get("/incidents/" + ReferenceIncidentFixture.ID + "?fbclid=IwAR0abc").send().status())
                .isEqualTo(200);
        assertProblem(api.get("/api/public/v1/incidents/" + ReferenceIncidentFixture.ID + "?utm_source=x").send(),
                "utm_source");
    }

    private static void assertProblem(ApiClient.Response response, String parameter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/unknown-parameter");
        assertThat(problem.get("field").asText()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).startsWith(parameter + " is not a parameter of this endpoint; ");
    }
}
