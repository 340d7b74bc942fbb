package io.incidenttimeline.api.audit.verify;

import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.audit.AuditIntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainHash;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier on a real export of the running application and on tampered copies of it. It is given only
 * the file and the public key, as an auditor would be.
 */
class VerifyCommandTest extends AuditIntegrationTest {

    private static final Pattern POSITION = Pattern.compile("^\\{\"position\":(\\d+),");

    @TempDir
    Path dir;

    private Path key;
    private List<String> lines;
    private int eventLines;
    private long covered;
    private String output;

    @BeforeEach
    void exportCoveredByACheckpoint() throws Exception {
        List<Event> events = incidentWithUpdates(2);
        covered = checkpointCovering(events.get(events.size() - 1).position()).get("checkpoint").get("position").asLong();
        var export = api.get("/api/v1/audit/export?toPosition=" + covered).as(AUDITOR).send();
        assertThat(export.status()).isEqualTo(200);
        lines = new ArrayList<>(List.of(export.body().split("\n")));
        eventLines = (int) lines.stream().filter(l -> l.contains("\"envelope\"")).count();
        key = Files.writeString(dir.resolve("key.pem"), api.get("/api/v1/audit/public-key").send().body());
    }

    private int verify(List<String> content, Path publicKey, Path... known) throws Exception {
        Path file = Files.write(dir.resolve("export-" + System.nanoTime() + ".ndjson"), content);
        List<String> args = new ArrayList<>(List.of(file.toString(), "--public-key", publicKey.toString()));
        for (Path kept : known) {
            args.addAll(List.of("--known-checkpoint", kept.toString()));
        }
        return run(args.toArray(String[]::new));
    }

    /** What an auditor keeps: the latest-checkpoint endpoint's answer, byte for byte. */
    private Path keptCheckpoint() throws Exception {
        var latest = api.get("/api/v1/audit/checkpoints/latest").as(AUDITOR).send();
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        assertThat(latest.json().get("checkpoint").get("position").asLong()).isEqualTo(covered);
        return Files.writeString(dir.resolve("kept-" + System.nanoTime() + ".json"), latest.body());
    }

    private List<String> eventLinesOnly() {
        return new ArrayList<>(lines.subList(0, eventLines));
    }

    /**
     * The export a server would write after its database was rewritten at one line and its chain and checkpoints
     * deleted: the envelope changed, every hash from there on recomputed, no checkpoint lines.
     */
    private List<String> rewrittenAt(int index) throws Exception {
        List<String> rewritten = eventLinesOnly();
        String previous = CanonicalJson.parse(rewritten.get(index)).get("previousHash").asText();
        for (int i = index; i < rewritten.size(); i++) {
            ObjectNode line = (ObjectNode) CanonicalJson.parse(rewritten.get(i));
            ObjectNode envelope = (ObjectNode) line.get("envelope");
            if (i == index) {
                ObjectNode payload = (ObjectNode) envelope.get("payload");
                payload.put("message", payload.path("message").asText() + " (rewritten)");
            }
            String hash = ChainHash.next(previous, CanonicalJson.canonicalize(envelope));
            line.put("previousHash", previous);
            line.put("hash", hash);
            rewritten.set(i, CanonicalJson.mapper().writeValueAsString(line));
            previous = hash;
        }
        return rewritten;
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static long position(String line) {
        Matcher matcher = POSITION.matcher(line);
        assertThat(matcher.find()).as(line).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private void assertTampered(int code, long position, String reason) {
        assertThat(code).as(output).isEqualTo(VerifyCommand.TAMPERED);
        assertThat(output).startsWith("TAMPERED at position " + position + ": " + reason + ": ");
    }

    @Test
    void anUntouchedExportIsIntact() throws Exception {
        assertThat(verify(lines, key)).as(output).isEqualTo(VerifyCommand.INTACT);
        assertThat(output).startsWith("INTACT: " + eventLines + " events").contains("chained from genesis")
                .contains("the last at position " + covered);
    }

    @Test
    void anAlteredLineIsLocated() throws Exception {
        int index = eventLines - 2;
        String original = lines.get(index);
        lines.set(index, original.replace("we found the cause", "we found the causE"));
        assertThat(lines.get(index)).isNotEqualTo(original);

        assertTampered(verify(lines, key), position(lines.get(index)), "hash-mismatch");
    }

    @Test
    void aRemovedLineIsLocatedAtTheLineAfterIt() throws Exception {
        int index = eventLines - 2;
        lines.remove(index);

        assertTampered(verify(lines, key), position(lines.get(index)), "chain-broken");
    }

    @Test
    void swappedLinesAreLocated() throws Exception {
        int index = eventLines - 3;
        Collections.swap(lines, index, index + 1);

        assertTampered(verify(lines, key), position(lines.get(index)), "chain-broken");
    }

    @Test
    void anExportTruncatedBeforeItsCheckpointIsLocated() throws Exception {
        List<String> truncated = new ArrayList<>(lines.subList(0, eventLines - 2));
        truncated.addAll(lines.subList(eventLines, lines.size()));

        assertTampered(verify(truncated, key), covered, "event-missing");
        assertThat(output).contains("events were cut off");
    }

    @Test
    void anExportWithoutItsCheckpointsIsNotAnchored() throws Exception {
        assertThat(verify(lines.subList(0, eventLines), key)).as(output).isEqualTo(VerifyCommand.UNANCHORED);
        assertThat(output).startsWith("UNANCHORED: ");
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        int last = lines.size() - 1;
        String line = lines.get(last);
        int at = line.indexOf("\"signature\":\"") + 13;
        char original = line.charAt(at);
        lines.set(last, line.substring(0, at) + (original == 'A' ? 'B' : 'A') + line.substring(at + 1));

        assertTampered(verify(lines, key), covered, "signature-invalid");
    }

    @Test
    void anotherServersKeyIsRefused() throws Exception {
        Path otherKey = Files.writeString(dir.resolve("other.pem"),
                Ed25519Keys.publicKeyPem(Ed25519Keys.generate().getPublic()));

        assertThat(verify(lines, otherKey)).isEqualTo(VerifyCommand.TAMPERED);
        assertThat(output).contains("signature-invalid");
    }

    @Test
    void aKeptCheckpointOfTheSameHistoryIsConfirmedAndOneCheckpointIsCountedInTheSingular() throws Exception {
        List<String> oneCheckpoint = eventLinesOnly();
        oneCheckpoint.add(lines.get(lines.size() - 1));

        assertThat(verify(oneCheckpoint, key, keptCheckpoint())).as(output).isEqualTo(VerifyCommand.INTACT);
        assertThat(output).contains("; 1 signed checkpoint verified; 1 kept checkpoint confirmed, the last at position "
                + covered).doesNotContain("1 signed checkpoints").doesNotContain("1 kept checkpoints");
    }

    @Test
    void anExportRewrittenSinceAKeptCheckpointIsRewritten() throws Exception {
        List<String> rewritten = rewrittenAt(eventLines - 2);
        assertThat(verify(rewritten, key)).as("without the kept checkpoint nothing contradicts it: " + output)
                .isEqualTo(VerifyCommand.UNANCHORED);

        assertTampered(verify(rewritten, key, keptCheckpoint()), covered, "rewritten");
    }

    @Test
    void anExportEndingBeforeAKeptCheckpointIsTruncated() throws Exception {
        List<String> cut = new ArrayList<>(lines.subList(0, eventLines - 1));
        assertThat(verify(cut, key)).as("without the kept checkpoint it merely looks unanchored: " + output)
                .isEqualTo(VerifyCommand.UNANCHORED);

        assertTampered(verify(cut, key, keptCheckpoint()), covered, "truncated");
        assertThat(output).contains("events were cut off");
    }

    @Test
    void aKeptCheckpointThatIsNotSignedByTheKeyIsAUsageError() throws Exception {
        ObjectNode kept = (ObjectNode) CanonicalJson.parse(Files.readString(keptCheckpoint()));
        ((ObjectNode) kept.get("checkpoint")).put("headHash", "ab".repeat(32));
        Path forged = Files.writeString(dir.resolve("forged.json"), kept.toString());

        assertThat(verify(lines, key, forged)).as(output).isEqualTo(VerifyCommand.USAGE);
        assertThat(output).contains("does not verify with the given public key");
        Path notJson = Files.writeString(dir.resolve("not.json"), "checkpoint");
        assertThat(verify(lines, key, notJson)).as(output).isEqualTo(VerifyCommand.USAGE);
        assertThat(output).contains("not a kept checkpoint");
    }

    @Test
    void missingArgumentsAreAUsageError() throws Exception {
        assertThat(run(dir.resolve("x.ndjson").toString())).isEqualTo(VerifyCommand.USAGE);
        assertThat(output).contains("usage: verify");
        assertThat(run(dir.resolve("missing.ndjson").toString(), "--public-key", key.toString()))
                .isEqualTo(VerifyCommand.USAGE);
        assertThat(run(key.toString(), "--public-key", key.toString())).isEqualTo(VerifyCommand.TAMPERED);
    }
}
