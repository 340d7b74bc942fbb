package io.incidenttimeline.api.audit.export;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.audit.AuditIntegrationTest;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainHash;
import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSignatures;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportApiTest extends AuditIntegrationTest {

    private List<JsonNode> export(String query) throws Exception {
        var response = api.get("/api/v1/audit/export" + query).as(AUDITOR).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(CanonicalJson.parse(line));
        }
        return lines;
    }

    private static List<JsonNode> events(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.has("envelope")).toList();
    }

    @Test
    void theExportIsTheChainedHistoryFollowedByTheCheckpointsInItsRange() throws Exception {
        List<Event> ours = incidentWithUpdates(1);
        JsonNode signed = checkpointCovering(ours.get(ours.size() - 1).position());
        long covered = signed.get("checkpoint").get("position").asLong();

        List<JsonNode> lines = export("?toPosition=" + covered);

        List<JsonNode> events = events(lines);
        assertThat(events.get(0).get("previousHash").asText()).isEqualTo(ChainHash.GENESIS);
        String previous = ChainHash.GENESIS;
        long lastPosition = 0;
        for (JsonNode event : events) {
            assertThat(event.get("position").asLong()).isGreaterThan(lastPosition);
            assertThat(event.get("previousHash").asText()).isEqualTo(previous);
            String hash = ChainHash.next(previous, CanonicalJson.canonicalize(event.get("envelope")));
            assertThat(event.get("hash").asText()).isEqualTo(hash);
            previous = hash;
            lastPosition = event.get("position").asLong();
        }
        assertThat(lastPosition).isEqualTo(covered);

        JsonNode declared = events.stream().filter(e -> e.get("position").asLong() == ours.get(0).position())
                .findFirst().orElseThrow().get("envelope");
        assertThat(declared.get("eventId").asText()).isEqualTo(ours.get(0).eventId());
        assertThat(declared.get("type").asText()).endsWith("IncidentDeclared");
        assertThat(declared.get("sequenceNumber").asLong()).isZero();
        assertThat(declared.get("recordedAt").asText()).isNotBlank();
        assertThat(declared.get("metadata").get("actor").asText()).isEqualTo("test-responder");
        assertThat(declared.get("metadata").get("channel").asText()).isEqualTo("api");
        assertThat(declared.get("payload").get("title").asText()).isEqualTo("Checkout fails for some customers");

        List<JsonNode> checkpoints = lines.subList(events.size(), lines.size());
        assertThat(checkpoints).isNotEmpty().allSatisfy(line -> assertThat(line.has("checkpoint")).isTrue());
        JsonNode last = checkpoints.get(checkpoints.size() - 1);
        assertThat(last.get("checkpoint").get("position").asLong()).isEqualTo(covered);
        assertThat(last.get("checkpoint").get("headHash").asText()).isEqualTo(previous);
        PublicKey key = Ed25519Keys.fromPublicKeyPem(api.get("/api/v1/audit/public-key").send().body());
        assertThat(CheckpointSignatures.verify(key, CanonicalJson.canonicalize(last.get("checkpoint")),
                last.get("signature").asText())).isTrue();
        assertThat(new Checkpoint(covered, previous, last.get("checkpoint").get("createdAt").asText()).canonicalBytes())
                .isEqualTo(CanonicalJson.canonicalize(last.get("checkpoint")));
    }

    @Test
    void aPartialExportLinksToTheEventBeforeIt() throws Exception {
        List<Event> ours = incidentWithUpdates(2);
        checkpointCovering(ours.get(ours.size() - 1).position());
        long from = ours.get(1).position();
        long to = ours.get(2).position();

        List<JsonNode> whole = events(export(""));
        List<JsonNode> part = export("?fromPosition=" + from + "&toPosition=" + to);

        JsonNode before = whole.stream().filter(e -> e.get("position").asLong() < from)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(part).hasSize(2);
        assertThat(part.get(0).get("position").asLong()).isEqualTo(from);
        assertThat(part.get(0).get("previousHash").asText()).isEqualTo(before.get("hash").asText());
        assertThat(part.get(1).get("position").asLong()).isEqualTo(to);
        assertThat(part.get(1).get("hash").asText()).isEqualTo(whole.stream()
                .filter(e -> e.get("position").asLong() == to).findFirst().orElseThrow().get("hash").asText());
    }

    @Test
    void badRangesAreProblemsNamingTheParameter() {
        assertProblem("?fromPosition=9&toPosition=3", "invalid-range", "fromPosition");
        assertProblem("?fromPosition=abc", "invalid-position", "fromPosition");
        assertProblem("?toPosition=-5", "invalid-position", "toPosition");
        assertProblem("?toPosition=1e3", "invalid-position", "toPosition");
    }

    private void assertProblem(String query, String type, String field) {
        var response = api.get("/api/v1/audit/export" + query).as(AUDITOR).send();
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void onlyAuditorsExport() {
        assertThat(api.get("/api/v1/audit/export").as(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/export").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/export?toPosition=1").as(ADMIN).send().status()).isEqualTo(200);
    }
}
