package io.incidenttimeline.api.hostile.corpus;

import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.EITHER;
import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.REFUSE;

import io.incidenttimeline.api.hostile.corpus.HostileCase.Expect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every header an operation reads, and one it does not know, with a byte of every class inside its otherwise valid
 * value: controls (0x00-0x1F but HTAB, 0x7F), C1 bytes (0x80-0x9F), Latin-1, UTF-8 text, overlong and truncated
 * UTF-8; empty, and longer than any server keeps. RFC 9110 field values are visible ASCII (obs-text aside): each of
 * these is a 400 problem on every endpoint, never a 5xx. Then the values each header's own rules forbid.
 */
final class HeaderMutations {

    static final Map<String, byte[]> BYTE_CLASSES = byteClasses();

    private final String operation;
    private final List<HostileCase> cases = new ArrayList<>();

    private HeaderMutations(String operation) {
        this.operation = operation;
    }

    /**
     * @param declared the headers the description lists for the operation
     * @param secured  whether the operation needs a token
     * @param hasBody  whether requests carry a JSON body
     * @param creates  whether the command creates what it names (an If-Match can never match: 412)
     */
    static List<HostileCase> of(String operation, Set<String> declared, boolean secured, boolean hasBody,
                                boolean creates) {
        HeaderMutations mutations = new HeaderMutations(operation);
        mutations.bytes("Authorization", "Bearer hostile-", "secret", secured ? REFUSE : EITHER);
        for (String authorization : List.of("Bearer", "Bearer ", "Basic !!!", "Token hostile-secret",
                "Bearer hostile-secret, Bearer admin-secret", "Bearer " + "x".repeat(5_000))) {
            mutations.value("Authorization", authorization.length() > 40 ? "Bearer 5000 characters" : authorization,
                    authorization, REFUSE);
        }
        mutations.bytes("Accept", "application/", "json", EITHER);
        for (String accept : List.of("garbage;;;", "application/json;q=2", "application/json;q=x", ";", "*/*;q=0.5, x")) {
            mutations.value("Accept", accept, accept, EITHER);
        }
        mutations.value("Accept", "application/xml", "application/xml", REFUSE);
        mutations.value("Accept", "text/csv", "text/csv", REFUSE);
        mutations.bytes("X-Corpus-Unknown", "corpus", "value", EITHER);
        if (hasBody) {
            mutations.bytes("Content-Type", "application/", "json", REFUSE);
        }
        if (declared.contains("Idempotency-Key")) {
            String key = "corpus-" + java.util.UUID.randomUUID();
            mutations.bytes("Idempotency-Key", key, "x", REFUSE);
            mutations.value("Idempotency-Key", "256 characters", "k".repeat(256), REFUSE);
            mutations.value("Idempotency-Key", "with a space", "with space", REFUSE);
            mutations.freshValue("Idempotency-Key", "255 characters", 255, EITHER);
        }
        if (declared.contains("X-Correlation-Id")) {
            mutations.bytes("X-Correlation-Id", "corpus", "id", EITHER);
            mutations.value("X-Correlation-Id", "101 characters", "c".repeat(101), REFUSE);
            mutations.value("X-Correlation-Id", "markup", "<script>", REFUSE);
        }
        if (declared.contains("If-Match")) {
            mutations.bytes("If-Match", "\"1", "\"", REFUSE);
            for (String ifMatch : List.of("yesterday", "\"-1\"", "\"99999999999999999999\"", "\"999999\"",
                    "W/\"999999\"", "\"1\" \"2\"", "**")) {
                mutations.value("If-Match", ifMatch, ifMatch, REFUSE);
            }
            mutations.current("weak current version", etag -> "W/" + etag, REFUSE);
            mutations.current("current version", etag -> etag, EITHER);
            mutations.current("a list holding the current version", etag -> "\"999999\", " + etag, EITHER);
            mutations.current("*", etag -> "*", EITHER);
        } else if (creates) {
            mutations.value("If-Match", "* on a creation", "*", REFUSE);
            mutations.value("If-Match", "a version on a creation", "\"1\"", REFUSE);
        }
        if (declared.contains("Accept-Language")) {
            mutations.bytes("Accept-Language", "de", "-DE", EITHER);
            for (String languages : List.of("*;q=2", "de;q=x", ";;;", "x".repeat(3_000), "zz-ZZ, *")) {
                mutations.value("Accept-Language", languages.length() > 40 ? "3000 characters" : languages,
                        languages, EITHER);
            }
        }
        return mutations.cases;
    }

    private static Map<String, byte[]> byteClasses() {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int control : new int[] {0x00, 0x01, 0x0A, 0x0D, 0x1F, 0x7F}) {
            classes.put(String.format("control 0x%02X", control), new byte[] {(byte) control});
        }
        for (int high : new int[] {0x80, 0x85, 0x9F}) {
            classes.put(String.format("C1 0x%02X", high), new byte[] {(byte) high});
        }
        classes.put("Latin-1 0xE9", new byte[] {(byte) 0xE9});
        classes.put("0xFF", new byte[] {(byte) 0xFF});
        classes.put("UTF-8 text", "ключ".getBytes(StandardCharsets.UTF_8));
        classes.put("overlong UTF-8 C0 AF", new byte[] {(byte) 0xC0, (byte) 0xAF});
        return classes;
    }

    /** Each byte class inside the value, then the empty value, a tab (legal) and a value no server keeps. */
    private void bytes(String header, String before, String after, Expect onEmpty) {
        for (var byteClass : BYTE_CLASSES.entrySet()) {
            byte[] value = Json.bytes(before, byteClass.getValue(), after);
            add(header, byteClass.getKey(), REFUSE, d -> d.header(header, value));
        }
        add(header, "empty", onEmpty, d -> d.header(header, new byte[0]));
        add(header, "HTAB inside", EITHER, d -> d.header(header, Json.bytes(before, 0x09, after)));
        add(header, "9000 bytes", REFUSE, d -> d.header(header, Json.bytes(before, "x".repeat(9_000), after)));
    }

    private void value(String header, String mutation, String value, Expect expect) {
        add(header, mutation, expect, d -> d.header(header, value));
    }

    private void freshValue(String header, String mutation, int length, Expect expect) {
        add(header, mutation, expect, d -> {
            String unique = java.util.UUID.randomUUID().toString();
            d.header(header, unique + "k".repeat(length - unique.length()));
        });
    }

    private void current(String mutation, java.util.function.UnaryOperator<String> value, Expect expect) {
        add("If-Match", mutation, expect, d -> d.header("If-Match", value.apply(d.etag())));
    }

    private void add(String header, String mutation, Expect expect, Consumer<Draft> change) {
        cases.add(new HostileCase(operation, "header", header + ": " + mutation, expect, Set.of(), change));
    }
}
