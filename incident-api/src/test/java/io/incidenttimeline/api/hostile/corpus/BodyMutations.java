package io.incidenttimeline.api.hostile.corpus;

import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.EITHER;
import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.REFUSE;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.hostile.corpus.HostileCase.Expect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The body as a whole: not one JSON value (trailing content, duplicate keys, truncation), not JSON, not UTF-8, not
 * there, too deep, too large, or sent as another content type. A refusal names the {@code body} (or the duplicated
 * field).
 */
final class BodyMutations {

    private static final int DEPTH = 5_000;
    private static final int TOO_LARGE = 2 << 20;

    private BodyMutations() {
    }

    static List<HostileCase> of(String operation, boolean bodyRequired, JsonNode seed) {
        List<HostileCase> cases = new ArrayList<>();
        Expect onAbsent = bodyRequired ? REFUSE : EITHER;
        Set<String> body = Set.of("body");
        for (String trailing : List.of("xyz", "{}", "]", "}", "\u0000", "null", "{\"visibility\":\"public\"}")) {
            cases.add(bytes(operation, "trailing " + Json.string(trailing), REFUSE, body,
                    b -> Json.bytes(b, trailing)));
        }
        cases.add(bytes(operation, "trailing whitespace", EITHER, body, b -> Json.bytes(b, " \r\n\t ")));
        cases.add(bytes(operation, "byte order mark", EITHER, body, b -> Json.bytes(0xEF, 0xBB, 0xBF, b)));
        cases.add(bytes(operation, "truncated", REFUSE, body, b -> Arrays.copyOf(b, b.length / 2)));
        cases.add(bytes(operation, "comment", REFUSE, body, b -> Json.bytes("/* corpus */", b)));
        cases.add(bytes(operation, "NUL before", REFUSE, body, b -> Json.bytes(0x00, b)));
        // the é goes into the first string: a body without one (an empty object) stays ASCII, the same in Latin-1
        cases.add(bytes(operation, "Latin-1 encoded whole", seed.toString().contains("\"") ? REFUSE : EITHER, body,
                b -> new String(b, StandardCharsets.UTF_8).replaceFirst("\"", "\"\u00e9").getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(bytes(operation, "UTF-16 encoded", REFUSE, body,
                b -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE)));
        for (String whole : List.of("", "   ", "null", "[]", "[" , "\"text\"", "42", "true", "{", "{\"a\":}", "}{")) {
            Expect expect = whole.isBlank() || whole.equals("null") ? onAbsent : REFUSE;
            cases.add(bytes(operation, "body " + Json.string(whole), expect, body, b -> whole.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(bytes(operation, "nested " + DEPTH + " deep", REFUSE, Set.of(),
                b -> ("[".repeat(DEPTH) + "]".repeat(DEPTH)).getBytes(StandardCharsets.UTF_8)));
        cases.add(bytes(operation, TOO_LARGE + " bytes", REFUSE, Set.of(),
                b -> ("{\"corpus\":\"" + "x".repeat(TOO_LARGE) + "\"}").getBytes(StandardCharsets.UTF_8)));
        if (seed != null && seed.isObject()) {
            for (Iterator<String> names = seed.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String duplicate = Json.string(name) + ":" + Json.text(seed.get(name)) + ",";
                cases.add(bytes(operation, "duplicate key " + name, REFUSE, Set.of(name, "body"),
                        b -> Json.bytes("{", duplicate, Arrays.copyOfRange(b, 1, b.length))));
            }
            String first = seed.fieldNames().hasNext() ? seed.fieldNames().next() : null;
            if (first != null) {
                String deep = "[".repeat(DEPTH) + "]".repeat(DEPTH);
                cases.add(new HostileCase(operation, "body", first + " nested " + DEPTH + " deep", REFUSE,
                        Set.of(first, "body"), d -> d.set(JsonPath.root().field(first), deep)));
            }
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/merge-patch+json", "application/json-seq")) {
            cases.add(header(operation, "Content-Type " + type, REFUSE, d -> d.header("Content-Type", type)));
        }
        for (String type : List.of("application/json; charset=ISO-8859-1", "APPLICATION/JSON",
                "application/json; charset=utf-8; corpus=1", "application/json;charset=\"utf-8\"")) {
            cases.add(header(operation, "Content-Type " + type, EITHER, d -> d.header("Content-Type", type)));
        }
        cases.add(header(operation, "no Content-Type", REFUSE, d -> d.removeHeader("Content-Type")));
        cases.add(header(operation, "no body and no Content-Type", onAbsent,
                d -> d.removeHeader("Content-Type").withoutBody()));
        return cases;
    }

    private static HostileCase bytes(String operation, String mutation, Expect expect, Set<String> fields,
                                     UnaryOperator<byte[]> change) {
        return new HostileCase(operation, "body", mutation, expect, fields, d -> d.bodyBytes(change));
    }

    private static HostileCase header(String operation, String mutation, Expect expect, Consumer<Draft> change) {
        return new HostileCase(operation, "body", mutation, expect, Set.of(), change);
    }
}
