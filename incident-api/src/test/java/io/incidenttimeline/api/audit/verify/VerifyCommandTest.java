package io.incidenttimeline.api.audit.verify;

import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.audit.AuditIntegrationTest;
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

    private int verify(List<String> content, Path publicKey) throws Exception {
        Path file = Files.write(dir.resolve("export-" + System.nanoTime() + ".ndjson"), content);
        return run(file.toString(), "--public-key", publicKey.toString());
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
    void missingArgumentsAreAUsageError() throws Exception {
        assertThat(run(dir.resolve("x.ndjson").toString())).isEqualTo(VerifyCommand.USAGE);
        assertThat(output).contains("usage: verify");
        assertThat(run(dir.resolve("missing.ndjson").toString(), "--public-key", key.toString()))
                .isEqualTo(VerifyCommand.USAGE);
        assertThat(run(key.toString(), "--public-key", key.toString())).isEqualTo(VerifyCommand.TAMPERED);
    }
}
