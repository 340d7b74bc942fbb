package io.incidenttimeline.api.audit.checkpoint;

import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSignatures;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.audit.AuditIntegrationTest;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainHash;
import io.incidenttimeline.projections.audit.continuity.WitnessFile;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class CheckpointApiTest extends AuditIntegrationTest {

    @Value("${incident.data-dir}")
    private Path dataDir;

    private PublicKey servedKey() throws Exception {
        var response = api.get("/api/v1/audit/public-key").send();
        assertThat(response.status()).isEqualTo(200);
        return Ed25519Keys.fromPublicKeyPem(response.body());
    }

    @Test
    void thePublicKeyIsServedAsPemWithoutAuthentication() throws Exception {
        var response = api.get("/api/v1/audit/public-key").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-pem-file");
        assertThat(response.body()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        try (var connection = jdbc.getDataSource().getConnection()) {
            String url = connection.getMetaData().getURL();
            if (url.startsWith("jdbc:h2:")) {
                assertThat(url).as("the embedded store lives beside the key it is signed with").contains(dataDir.toString());
            }
        }
        Path generated = dataDir.resolve(SigningKeyConfig.GENERATED_FILE);
        assertThat(generated).exists();
        assertThat(servedKey().getEncoded())
                .isEqualTo(Ed25519Keys.fromPrivateKeyPem(Files.readString(generated)).getPublic().getEncoded());
    }

    @Test
    void anAdminsCheckpointSignsTheChainHeadThroughTheNewestEvents() throws Exception {
        List<Event> events = incidentWithUpdates(1);
        long newest = events.get(events.size() - 1).position();

        JsonNode signed = checkpointCovering(newest);

        JsonNode checkpoint = signed.get("checkpoint");
        String recorded = jdbc.queryForObject("SELECT hash FROM audit_chain_entry WHERE position = ?", String.class,
                checkpoint.get("position").asLong());
        assertThat(checkpoint.get("headHash").asText()).isEqualTo(recorded).matches(ChainHash::isHash);
        assertThat(checkpoint.get("createdAt").asText()).isNotBlank();
        Checkpoint parsed = new Checkpoint(checkpoint.get("position").asLong(), checkpoint.get("headHash").asText(),
                checkpoint.get("createdAt").asText());
        assertThat(CheckpointSignatures.verify(servedKey(), parsed.canonicalBytes(), signed.get("signature").asText()))
                .isTrue();
    }

    @Test
    void theLatestCheckpointIsServedToAuditorsToKeepAndRecordedInTheDataDirectory() throws Exception {
        JsonNode signed = checkpointCovering(incidentWithUpdates(0).get(0).position());

        var latest = api.get("/api/v1/audit/checkpoints/latest").as(AUDITOR).send();

        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        JsonNode kept = latest.json();
        assertThat(kept.get("checkpoint")).isEqualTo(signed.get("checkpoint"));
        assertThat(kept.get("signature")).isEqualTo(signed.get("signature"));
        assertThat(kept.get("keyId").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(servedKey().getEncoded())));
        assertThat(kept.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("checkpoint", "signature", "keyId");
        JsonNode recorded = CanonicalJson.parse(Files.readString(dataDir.resolve(WitnessFile.NAME)));
        assertThat(recorded).isEqualTo(kept);
        assertThat(api.get("/api/v1/audit/checkpoints/latest").as(RESPONDER).send().status())
                .as("a checkpoint's position counts internal events too: not for everybody").isEqualTo(403);
        assertThat(api.get("/api/v1/audit/checkpoints/latest").send().status()).isEqualTo(401);
    }

    @Test
    void auditorsReadCheckpointsByRange() {
        long position = checkpointCovering(incidentWithUpdates(0).get(0).position()).get("checkpoint").get("position")
                .asLong();

        var response = api.get("/api/v1/audit/checkpoints?fromPosition=" + position + "&toPosition=" + position)
                .as(AUDITOR).send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode checkpoints = response.json().get("checkpoints");
        assertThat(checkpoints).isNotEmpty();
        checkpoints.forEach(c -> {
            assertThat(c.get("checkpoint").get("position").asLong()).isEqualTo(position);
            assertThat(c.get("signature").asText()).isNotBlank();
        });
        assertThat(api.get("/api/v1/audit/checkpoints").as(ADMIN).send().status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsMayAskForACheckpointAndOnlyAuditorsMayReadThem() {
        assertThat(api.post("/api/v1/audit/checkpoints").as(AUDITOR).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/audit/checkpoints").as(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/audit/checkpoints").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/checkpoints").as(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/checkpoints").send().status()).isEqualTo(401);
    }

    @Test
    void aBadRangeIsAProblemNamingTheParameter() {
        var response = api.get("/api/v1/audit/checkpoints?toPosition=soon").as(AUDITOR).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-position");
        assertThat(response.json().get("field").asText()).isEqualTo("toPosition");
    }
}
