package io.incidenttimeline.api.audit.verify;

import static io.incidenttimeline.api.audit.StoreSurgery.replacing;
import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.audit.AuditIntegrationTest;
import io.incidenttimeline.api.audit.StoreSurgery;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainExtender;
import io.incidenttimeline.projections.audit.continuity.WitnessFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A database writer deletes the evidence along with the change: recorded chain links and signed checkpoints, in plain
 * SQL underneath the running application. The node's record of its newest checkpoint lies in its data directory,
 * out of that writer's reach, and must make every such history look broken.
 *
 * <p>A restart is played by running what a starting node runs first, the chain extension, on the tampered database:
 * the node keeps nothing about the chain in memory (only the record file and the database decide), so a restarted
 * node decides exactly as this one does. Each test puts every row back, after which the store verifies clean again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContinuityTamperingTest extends AuditIntegrationTest {

    @Autowired
    private ChainExtender chainExtender;

    @Value("${incident.data-dir}")
    private Path dataDir;

    @TempDir
    Path dir;

    private StoreSurgery surgery;

    @BeforeEach
    void surgeon() {
        surgery = new StoreSurgery(jdbc);
    }

    @AfterEach
    void restoreTheStore() {
        surgery.restore();
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as("after restoring: " + report).isTrue();
        assertThat(health().status()).isEqualTo(200);
    }

    @Test
    void aRewrittenPayloadWithEveryLinkAndCheckpointDeletedIsRefusedAfterARestartAndNothingIsSignedOverIt(
            CapturedOutput output) throws Exception {
        List<Event> events = incidentWithUpdates(2);
        long signed = checkpointCovering(events.get(events.size() - 1).position()).get("checkpoint").get("position")
                .asLong();
        surgery.changePayload(events.get(1).position(), replacing("failed checkouts", "failed checkoutS"));
        surgery.deleteChainFrom(0);
        surgery.deleteCheckpointsFrom(0);

        chainExtender.extend();

        assertThat(count("audit_chain_entry")).as("no new chain is started over the stored events").isZero();
        assertFailure(verify(), signed, "checkpoint-mismatch");
        var health = health();
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(health.json().get("details").get("reason").asText()).isEqualTo("checkpoint-lost");
        var refused = api.post("/api/v1/audit/checkpoints").as(ADMIN).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/audit-continuity-broken");
        assertThat(count("audit_checkpoint")).as("no checkpoint signs the altered history").isZero();
        assertThat(output.getAll()).contains("The audit chain's continuity is broken (checkpoint-lost at position "
                + signed + ")");
        assertThat(offlineVerifier(export())).as(verifierOutput).isEqualTo(VerifyCommand.TAMPERED);
        assertThat(verifierOutput).startsWith("TAMPERED at position " + signed + ": checkpoint-mismatch: ");
    }

    @Test
    void deletingTheNewest53EventsWithTheirLinksAndCheckpointsIsFoundMissing() throws Exception {
        List<Event> events = incidentWithUpdates(52);
        long signed = checkpointCovering(events.get(events.size() - 1).position()).get("checkpoint").get("position")
                .asLong();
        long first = events.get(events.size() - 53).position();
        surgery.deleteEventsFrom(first, Long.MAX_VALUE);
        surgery.deleteChainFrom(first);
        surgery.deleteCheckpointsFrom(first);

        chainExtender.extend();

        JsonNode report = verify();
        assertFailure(report, signed, "event-missing");
        assertThat(report.get("failure").get("detail").asText()).contains("the newest events were deleted");
        assertThat(health().status()).isEqualTo(503);
        assertThat(offlineVerifier(export())).as(verifierOutput).isEqualTo(VerifyCommand.TAMPERED);
        assertThat(verifierOutput).startsWith("TAMPERED at position " + signed + ": event-missing: ")
                .contains("events were cut off");
    }

    @Test
    void anExportAfterTheNewestEventWasDeletedCarriesTheCheckpointBeyondItAndFailsOffline() throws Exception {
        List<Event> events = incidentWithUpdates(1);
        long signed = checkpointCovering(events.get(events.size() - 1).position()).get("checkpoint").get("position")
                .asLong();
        surgery.deleteEventsFrom(signed, signed);

        String export = export();

        assertThat(export).contains("{\"checkpoint\":{\"position\":" + signed + ",");
        assertThat(offlineVerifier(export)).as(verifierOutput).isEqualTo(VerifyCommand.TAMPERED);
        assertThat(verifierOutput).startsWith("TAMPERED at position " + signed + ": event-missing: ");
        assertFailure(verify(), signed, "event-missing");
    }

    @Test
    void deletedCheckpointsAreRefusedUntilAnAdminAcceptsExactlyThatLossAndTheAcceptanceIsKept() throws Exception {
        List<Event> events = incidentWithUpdates(0);
        JsonNode checkpoint = checkpointCovering(events.get(0).position()).get("checkpoint");
        long signed = checkpoint.get("position").asLong();
        surgery.deleteCheckpointsFrom(0);

        assertFailure(verify(), signed, "checkpoint-lost");
        assertThat(health().status()).isEqualTo(503);
        String acceptance = "/api/v1/admin/audit/continuity/acceptance?reason=checkpoint-lost&position=";
        var wrong = api.post(acceptance + (signed - 1)).as(ADMIN).send();
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(409);
        assertThat(wrong.json().get("type").asText()).isEqualTo("/problems/not-the-current-continuity-failure");
        assertThat(wrong.json().get("detail").asText()).contains("checkpoint-lost at position " + signed);
        assertThat(api.post(acceptance + signed).as(AUDITOR).send().status()).isEqualTo(403);
        assertThat(api.post(acceptance + "soon").as(ADMIN).send().json().get("field").asText()).isEqualTo("position");
        var missing = api.post("/api/v1/admin/audit/continuity/acceptance?reason=checkpoint-lost").as(ADMIN).send();
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("position");

        var accepted = api.post(acceptance + signed).as(ADMIN).send();

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("accepted").get("reason").asText()).isEqualTo("checkpoint-lost");
        Path kept = dataDir.resolve(accepted.json().get("keptRecord").asText());
        JsonNode record = CanonicalJson.parse(Files.readString(kept));
        assertThat(record.get("accepted").get("by").asText()).isEqualTo("test-admin");
        assertThat(record.get("record").get("checkpoint").get("headHash").asText())
                .isEqualTo(checkpoint.get("headHash").asText());
        assertThat(health().status()).isEqualTo(200);
        assertThat(verify().get("intact").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/audit/checkpoints").as(ADMIN).send().status()).isEqualTo(201);
        assertThat(dataDir.resolve(WitnessFile.NAME)).exists();
        var nothingLeft = api.post(acceptance + signed).as(ADMIN).send();
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.json().get("detail").asText()).contains("nothing to accept");
    }

    private static void assertFailure(JsonNode report, long position, String reason) {
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("failure").get("reason").asText()).as(report.toString()).isEqualTo(reason);
        assertThat(report.get("failure").get("position").asLong()).as(report.toString()).isEqualTo(position);
    }

    /** The indicator as an admin sees it; anybody sees the overall status follow it. */
    private io.incidenttimeline.api.support.ApiClient.Response health() {
        var audit = api.get("/actuator/health/audit").as(ADMIN).send();
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(audit.status());
        return audit;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private String export() {
        var export = api.get("/api/v1/audit/export").as(AUDITOR).send();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        return export.body();
    }

    private String verifierOutput;

    private int offlineVerifier(String export) throws Exception {
        Path file = Files.writeString(dir.resolve("export-" + System.nanoTime() + ".ndjson"), export);
        Path key = Files.writeString(dir.resolve("key.pem"), api.get("/api/v1/audit/public-key").send().body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = VerifyCommand.run(new String[] {file.toString(), "--public-key", key.toString()}, print, print);
        verifierOutput = out.toString(StandardCharsets.UTF_8);
        return code;
    }
}
