package io.incidenttimeline.api.incident;

import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.demo.ReferenceIncident;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance story: the reference incident of PRODUCT.md told through the HTTP API as backfilled history, then
 * its event stream checked event by event against the facts the product document states.
 */
class ReferenceIncidentApiTest extends ApiIntegrationTest {

    private static final String ID = ReferenceIncident.INCIDENT_ID;

    @Test
    void theReferenceIncidentIsStoredEventByEventAsTold() {
        ReferenceIncidentFixture.load(api);

        var response = api.get("/api/v1/incidents/" + ID + "/events").as(AUDITOR).send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode stream = response.json();
        List<JsonNode> events = new ArrayList<>();
        stream.get("events").forEach(events::add);

        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "IncidentDeclared", "UpdatePosted", "LifecycleTimeRecorded", "LifecycleTimeRecorded",
                "LifecycleTimeRecorded", "ImpactWindowRecorded", "LifecycleTimeRecorded", "UpdatePosted",
                "IncidentResolved", "UpdatePosted", "PostMortemPublished", "TranslationAdded");
        assertThat(stream.get("version").asLong()).isEqualTo(11);
        assertThat(response.header("ETag")).isEqualTo("\"11\"");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("revision").asText()).isEqualTo("1");
            assertThat(event.get("payload").get("incidentId").asText()).isEqualTo(ID);
            assertThat(event.get("recordedAt").asText()).isNotBlank();
            JsonNode metadata = event.get("metadata");
            assertThat(metadata.get("actor").asText()).isEqualTo("test-admin");
            assertThat(metadata.get("role").asText()).isEqualTo("admin");
            assertThat(metadata.get("channel").asText()).isEqualTo("api");
            assertThat(metadata.get("correlationId").asText()).isEqualTo("reference-incident-test");
            assertThat(metadata.get("idempotencyKey").asText()).startsWith("reference-");
        }

        JsonNode declared = events.get(0).get("payload");
        assertThat(declared.get("title").asText()).isEqualTo("Call recordings unavailable for some Talk customers");
        assertThat(declared.get("locale").asText()).isEqualTo("en");
        assertThat(declared.get("impact").asText()).isEqualTo("major");
        assertThat(declared.get("components").get("talk-call-recordings").asText()).isEqualTo("partial_outage");
        assertThat(declared.get("occurredAt").asText()).isEqualTo("2024-07-05T13:31:00Z");

        JsonNode identified = events.get(1).get("payload");
        assertThat(identified.get("updateId").asText()).isEqualTo("update-2024-07-05-1331");
        assertThat(identified.get("status").asText()).isEqualTo("identified");
        assertThat(identified.get("visibility").asText()).isEqualTo("public");
        assertThat(identified.get("message").asText()).startsWith("We are aware of and are working to revert")
                .endsWith("Next update in 30 minutes.");
        assertThat(identified.get("occurredAt").asText()).isEqualTo("2024-07-05T13:31:00Z");
        assertThat(identified.get("nextUpdateDueAt").asText()).isEqualTo("2024-07-05T14:01:00Z");

        assertThat(List.of(events.get(2), events.get(3), events.get(4), events.get(6)))
                .extracting(e -> e.at("/payload/moment").asText() + " " + e.at("/payload/at").asText())
                .containsExactly("detected 2024-07-05T13:20:00Z", "acknowledged 2024-07-05T13:24:00Z",
                        "identified 2024-07-05T13:31:00Z", "mitigated 2024-07-05T13:36:00Z");

        JsonNode window = events.get(5).get("payload");
        assertThat(window.get("startedAt").asText()).isEqualTo("2024-07-05T10:54:00Z");
        assertThat(window.get("endedAt").asText()).isEqualTo("2024-07-05T13:36:00Z");

        JsonNode resolvedUpdate = events.get(7).get("payload");
        assertThat(resolvedUpdate.get("updateId").asText()).isEqualTo("update-2024-07-05-1352");
        assertThat(resolvedUpdate.get("status").asText()).isEqualTo("resolved");
        assertThat(resolvedUpdate.get("occurredAt").asText()).isEqualTo("2024-07-05T13:52:00Z");
        assertThat(resolvedUpdate.get("components").get("talk-call-recordings").asText()).isEqualTo("operational");
        assertThat(resolvedUpdate.get("message").asText()).startsWith("The changes have been successfully rolled back");

        JsonNode resolved = events.get(8).get("payload");
        assertThat(resolved.get("updateId").asText()).isEqualTo("update-2024-07-05-1352");
        assertThat(resolved.get("occurredAt").asText()).isEqualTo("2024-07-05T13:52:00Z");

        JsonNode recoveryNote = events.get(9).get("payload");
        assertThat(recoveryNote.get("visibility").asText()).isEqualTo("internal");
        assertThat(recoveryNote.get("status").asText()).isEqualTo("resolved");
        assertThat(recoveryNote.get("occurredAt").asText()).isEqualTo("2024-07-05T17:52:00Z");
        assertThat(recoveryNote.get("message").asText()).startsWith("Recovery note:");

        JsonNode postMortem = events.get(10).get("payload");
        assertThat(postMortem.get("revision").asInt()).isEqualTo(1);
        assertThat(postMortem.get("summary").asText()).startsWith("From 10:54 UTC to 13:36 UTC on July 5, 2024");
        assertThat(postMortem.get("rootCause").asText()).contains("routed our service to a wrong storage location");
        assertThat(postMortem.get("resolution").asText()).startsWith("We identified the problem and quickly reverted");
        assertThat(postMortem.get("remediation")).extracting(item -> item.get("title").asText().split(":")[0])
                .containsExactly("Improved testing", "Configuration management", "Monitoring and alerting");

        JsonNode german = events.get(11).get("payload");
        assertThat(german.get("locale").asText()).isEqualTo("de");
        assertThat(german.get("machineTranslated").asBoolean()).isTrue();
        assertThat(german.get("title").asText()).isEqualTo("Anrufaufzeichnungen für einige Talk-Kunden nicht verfügbar");
        assertThat(german.get("updates").get("update-2024-07-05-1331").asText()).contains("in mehreren Pods");
        assertThat(german.get("updates").get("update-2024-07-05-1352").asText()).startsWith("Die Änderungen wurden");
        assertThat(german.get("postMortem").get("rootCause").asText()).contains("falschen Speicherort");
    }

    @Test
    void respondersReadTheReferenceIncidentsMomentsFromDetectionToResolution() {
        ReferenceIncidentFixture.load(api);

        JsonNode incident = Eventually.until(() -> api.get("/api/v1/incidents/" + ID + "?minVersion=11")
                .as(ApiClient.RESPONDER).send(), r -> r.status() == 200, "the responder view at version 11").json();
        assertThat(incident.get("lifecycle")).extracting(m -> m.get("moment").asText() + " " + m.get("at").asText())
                .containsExactly("detected 2024-07-05T13:20:00Z", "acknowledged 2024-07-05T13:24:00Z",
                        "identified 2024-07-05T13:31:00Z", "mitigated 2024-07-05T13:36:00Z",
                        "resolved 2024-07-05T13:52:00Z");
        JsonNode resolved = incident.get("lifecycle").get(4);
        assertThat(resolved.get("fromUpdate").asText()).as("the resolving update's time").isEqualTo("update-2024-07-05-1352");
        assertThat(resolved.get("history")).isEmpty();
        JsonNode detected = incident.get("lifecycle").get(0);
        assertThat(detected.get("history")).singleElement().satisfies(recording -> {
            assertThat(recording.get("previousAt").isNull()).isTrue();
            assertThat(recording.at("/recorded/by").asText()).isEqualTo("test-admin");
            assertThat(recording.at("/recorded/at").asText()).isEqualTo("2024-07-05T13:31:00Z");
        });
        assertThat(incident.at("/impactWindow/startedAt").asText()).isEqualTo("2024-07-05T10:54:00Z");
        assertThat(incident.at("/impactWindow/endedAt").asText()).isEqualTo("2024-07-05T13:36:00Z");
        assertThat(incident.get("updates")).extracting(u -> u.get("id").asText() + " " + u.get("visibility").asText())
                .containsExactly("update-2024-07-05-1331 public", "update-2024-07-05-1352 public",
                        "note-2024-07-05-1752 internal");
        assertThat(incident.at("/postMortem/revision").asInt()).isEqualTo(1);
    }
}
