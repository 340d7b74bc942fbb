package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every time a reader sees on the incident page and in the public incident JSON is in UTC and in the reader's zone:
 * the "edited" mark, the post-mortem's publication and revision, a completed remediation item's completion. A
 * completed item says when it was completed, not when it was due; a duration has no zero hours; declared regions are
 * shown. One incident in January (Los Angeles on PST), told over HTTP.
 */
class IncidentPageTimesApiTest extends ApiIntegrationTest {

    private String incident;
    private String path;

    @BeforeEach
    void winterIncidentWithAnAmendmentAPostMortemAndACompletedItem() {
        incident = ApiClient.uniqueId("times");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(incident),
                "occurredAt", "2024-01-15T18:00:00Z"), "regions", List.of("eu-west-1", "several pods")),
                "message", "Checkout is slow."));
        String updateId = ApiClient.uniqueId("upd");
        Incidents.post(api, incident, Bodies.with(Bodies.with(Bodies.update("identified", "Cause fond."),
                "updateId", updateId), "occurredAt", "2024-01-15T18:10:00Z"));
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/updates/" + updateId + "/amendments",
                Map.of("message", "Cause found.", "reason", "typo", "occurredAt", "2024-01-15T18:20:00Z"));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/impact-window",
                Map.of("startedAt", "2024-01-15T18:00:00Z", "endedAt", "2024-01-15T18:31:00Z",
                        "occurredAt", "2024-01-15T18:40:00Z"));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Fixed."), "occurredAt",
                "2024-01-15T18:40:00Z"));
        Map<String, Object> postMortem = Map.of("summary", "Slow checkout.", "rootCause", "A full disk.",
                "resolution", "Space was freed.", "occurredAt", "2024-01-16T09:00:00Z", "remediation", List.of(
                        Map.of("id", "alerts", "title", "Disk alerts", "dueDate", "2024-02-01"),
                        Map.of("id", "cleanup", "title", "Log cleanup", "dueDate", "2024-03-01")));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/postmortem", postMortem);
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/postmortem/remediation/alerts/completion",
                Map.of("occurredAt", "2024-01-20T10:00:00Z"));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/postmortem",
                Map.of("summary", "Slow checkout for 31 minutes.", "rootCause", "A full disk.",
                        "resolution", "Space was freed.", "occurredAt", "2024-01-22T12:00:00Z",
                        "remediation", postMortem.get("remediation")));
        path = "/incidents/" + incident;
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send(),
                r -> r.status() == 200 && r.json().get("postMortem").isObject()
                        && r.json().get("postMortem").get("revision").asInt() == 2, "the revised post-mortem");
    }

    @Test
    void editedPublishedRevisedAndCompletedAreInUtcAndTheReadersZone() {
        String html = Html.page(api.get(path + "?tz=America/Los_Angeles").send());

        var updates = Html.texts(html, "<li id=\"update-[^\"]+\" class=\"update\">", "</li>");
        assertThat(updates.get(1)).contains("Cause found.")
                .contains("(edited 2024-01-15 18:20 UTC · 2024-01-15 10:20 PST)");
        String postMortem = Html.text(Html.section(html, "<section class=\"postmortem\"", "</section>"));
        assertThat(postMortem).contains("Published 2024-01-16 09:00 UTC · 2024-01-16 01:00 PST, "
                + "revised 2024-01-22 12:00 UTC · 2024-01-22 04:00 PST (revision 2)");
        assertThat(Html.texts(html, "<li class=\"(?:open|done)\">", "</li>")).containsExactly(
                "✓ Done Disk alerts (completed 2024-01-20 10:00 UTC · 2024-01-20 02:00 PST)",
                "○ Open Log cleanup (due 2024-03-01)");

        String utcOnly = Html.text(Html.section(Html.page(api.get(path).send()), "<main", "</main>"));
        assertThat(utcOnly).contains("(edited 2024-01-15 18:20 UTC)").contains("Published 2024-01-16 09:00 UTC,")
                .doesNotContain(" · ");
    }

    @Test
    void thePublicJsonCarriesTheCompletionInBothZonesAndTheRegions() {
        JsonNode json = api.get("/api/public/v1/incidents/" + incident + "?tz=America/Los_Angeles").send().json();

        assertThat(json.get("regions")).extracting(JsonNode::asText).containsExactly("eu-west-1", "several pods");
        JsonNode done = json.get("postMortem").get("remediation").get(0);
        assertThat(done.get("completed").asBoolean()).isTrue();
        assertThat(done.get("completedAt").get("utc").asText()).isEqualTo("2024-01-20T10:00:00Z");
        assertThat(done.get("completedAt").get("text").asText()).isEqualTo("2024-01-20 02:00 PST");
        JsonNode open = json.get("postMortem").get("remediation").get(1);
        assertThat(open.get("completedAt").isNull()).isTrue();
        assertThat(open.get("dueDate").asText()).isEqualTo("2024-03-01");
        assertThat(json.get("postMortem").get("publishedAt").get("text").asText()).isEqualTo("2024-01-16 01:00 PST");
        assertThat(json.get("postMortem").get("revisedAt").get("text").asText()).isEqualTo("2024-01-22 04:00 PST");
        assertThat(json.get("updates").get(1).get("editedAt").get("text").asText()).isEqualTo("2024-01-15 10:20 PST");
    }

    /** The page's words follow the language of the text shown (ImpactDurationTest checks German's). */
    @Test
    void aDurationUnderAnHourHasNoZeroHoursAndTheRegionsAreShown() {
        String facts = Html.text(Html.section(Html.page(api.get(path).send()), "<dl class=\"facts\"", "</dl>"));
        assertThat(facts).contains("Duration of impact 31 min").doesNotContain("0 h")
                .contains("Affected regions eu-west-1, several pods");
    }
}
