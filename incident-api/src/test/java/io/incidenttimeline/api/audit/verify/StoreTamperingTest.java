package io.incidenttimeline.api.audit.verify;

import static io.incidenttimeline.api.audit.StoreSurgery.replacing;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.audit.AuditIntegrationTest;
import io.incidenttimeline.api.audit.StoreSurgery;
import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampers with the real database underneath the running application and asks {@code GET /api/v1/audit/verify} to
 * find it. Each test works on an incident of its own, covered by a checkpoint, and puts every row back afterwards,
 * after which the whole store must verify clean again.
 */
class StoreTamperingTest extends AuditIntegrationTest {

    private StoreSurgery surgery;
    private List<Event> events;
    private JsonNode checkpoint;

    @BeforeEach
    void anIncidentCoveredByACheckpoint() {
        surgery = new StoreSurgery(jdbc);
        events = incidentWithUpdates(2);
        checkpoint = checkpointCovering(newest().position()).get("checkpoint");
    }

    @AfterEach
    void restoreTheStore() {
        surgery.restore();
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as("after restoring: " + report).isTrue();
    }

    private Event newest() {
        return events.get(events.size() - 1);
    }

    private Event middle() {
        return events.get(1);
    }

    private static void assertFailure(JsonNode report, long position, String reason) {
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        JsonNode failure = report.get("failure");
        assertThat(failure.get("reason").asText()).as(report.toString()).isEqualTo(reason);
        assertThat(failure.get("position").asLong()).as(report.toString()).isEqualTo(position);
        assertThat(failure.get("detail").asText()).isNotBlank();
    }

    @Test
    void anUntouchedStoreVerifiesClean() {
        JsonNode report = verify();

        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("failure").isNull()).isTrue();
        assertThat(report.get("lastPosition").asLong()).isGreaterThanOrEqualTo(newest().position());
        assertThat(report.get("chainedThrough").asLong()).isGreaterThanOrEqualTo(newest().position());
        assertThat(report.get("checkpointsVerified").asLong()).isPositive();
        assertThat(report.get("lastCheckpointPosition").asLong()).isEqualTo(checkpoint.get("position").asLong());
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(events.size());
    }

    @Test
    void changingOneByteOfOnePayloadIsLocated() {
        surgery.changePayload(middle().position(), replacing("failed checkouts", "failed checkoutS"));

        assertFailure(verify(), middle().position(), "event-altered");
    }

    @Test
    void aPayloadThatIsNoLongerJsonIsLocated() {
        surgery.changePayload(middle().position(), replacing("{", "["));

        assertFailure(verify(), middle().position(), "event-unreadable");
        var export = api.get("/api/v1/audit/export?fromPosition=" + middle().position()).as(AUDITOR).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).as("the export ends at the event that has no envelope")
                .startsWith("{\"position\":" + middle().position() + ",\"error\":\"the stored payload is not valid JSON")
                .doesNotContain("\"envelope\"");
    }

    @Test
    void changingMetadataIsLocated() {
        surgery.changeMetadata(middle().position(), replacing("test-responder", "test-auditor--"));

        assertFailure(verify(), middle().position(), "event-altered");
    }

    @Test
    void deletingAnEventIsLocated() {
        surgery.deleteEventsFrom(middle().position(), middle().position());

        assertFailure(verify(), middle().position(), "event-missing");
    }

    @Test
    void swappingTwoEventsIsLocated() {
        surgery.swap(middle().position(), newest().position());

        JsonNode report = verify();
        assertFailure(report, middle().position(), "event-moved");
        assertThat(report.get("failure").get("detail").asText()).contains(newest().eventId());
    }

    @Test
    void anEventSlippedInBelowTheRecordedOnesIsLocated() {
        surgery.insertCopy(middle().position(), 0);

        assertFailure(verify(), 0, "event-not-in-chain");
    }

    @Test
    void deletingTheNewestEventsAfterACheckpointIsLocated() {
        surgery.deleteEventsFrom(middle().position(), Long.MAX_VALUE);

        assertFailure(verify(), middle().position(), "event-missing");
    }

    @Test
    void deletingTheNewestEventsAndTheirRecordedChainIsCaughtByTheCheckpoint() {
        surgery.deleteEventsFrom(middle().position(), Long.MAX_VALUE);
        surgery.deleteChainFrom(middle().position());

        JsonNode report = verify();
        assertFailure(report, checkpoint.get("position").asLong(), "event-missing");
        assertThat(report.get("failure").get("detail").asText()).contains("the newest events were deleted");
    }

    @Test
    void rewritingAPayloadAndItsRecordedChainIsCaughtByTheCheckpoint() {
        surgery.changePayload(middle().position(), replacing("failed checkouts", "failed checkoutS"));
        surgery.deleteChainFrom(middle().position());

        assertFailure(verify(), checkpoint.get("position").asLong(), "checkpoint-mismatch");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() {
        long position = middle().position();
        String head = jdbc.queryForObject("SELECT hash FROM audit_chain_entry WHERE position = ?", String.class, position);
        Checkpoint forged = new Checkpoint(position, head, "2026-01-01T00:00:00Z");
        String signature = new CheckpointSigner(Ed25519Keys.generate()).sign(forged).signature();
        surgery.addCheckpoint(position, head, forged.createdAt(), signature);

        assertFailure(verify(), position, "checkpoint-signature-invalid");
    }

    @Test
    void aGenuineSignatureOnAChangedCheckpointIsRefused() {
        long position = checkpoint.get("position").asLong();
        String signature = jdbc.queryForObject("SELECT signature FROM audit_checkpoint WHERE position = ? "
                + "AND created_at = ?", String.class, position, checkpoint.get("createdAt").asText());
        surgery.addCheckpoint(position, "ab".repeat(32), checkpoint.get("createdAt").asText(), signature);

        assertFailure(verify(), position, "checkpoint-signature-invalid");
    }

    @Test
    void onlyAuditorsVerify() {
        assertThat(api.get("/api/v1/audit/verify").as(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/verify").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/verify").as(AUDITOR).send().status()).isEqualTo(200);
    }
}
