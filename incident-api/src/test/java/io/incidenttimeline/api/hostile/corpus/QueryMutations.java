package io.incidenttimeline.api.hostile.corpus;

import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.EITHER;
import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.REFUSE;

import io.incidenttimeline.api.hostile.corpus.HostileCase.Expect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every query parameter an operation describes, given values of the wrong type, out of range, empty, broken in its
 * encoding, and repeated; and parameters it does not describe. The description types them all as strings, so what
 * each holds (a count, a position, a time, a locale, a zone, an id) is kept here by name; an operation with a
 * parameter this table does not know fails the corpus rather than going untested.
 */
final class QueryMutations {

    enum Kind { COUNT, POSITION, INSTANT, LOCALE, ZONE, ID, NAME, CHOICE, CURSOR }

    static final Map<String, Kind> KINDS = Map.ofEntries(Map.entry("limit", Kind.COUNT),
            Map.entry("fromPosition", Kind.POSITION), Map.entry("toPosition", Kind.POSITION),
            Map.entry("after", Kind.POSITION), Map.entry("from", Kind.INSTANT), Map.entry("to", Kind.INSTANT),
            Map.entry("asOf", Kind.INSTANT), Map.entry("lang", Kind.LOCALE), Map.entry("tz", Kind.ZONE),
            Map.entry("incident", Kind.ID), Map.entry("actor", Kind.NAME), Map.entry("type", Kind.NAME),
            Map.entry("status", Kind.CHOICE), Map.entry("visibility", Kind.CHOICE), Map.entry("component", Kind.ID),
            Map.entry("cursor", Kind.CURSOR), Map.entry("minVersion", Kind.POSITION), Map.entry("reason", Kind.NAME),
            Map.entry("position", Kind.POSITION), Map.entry("email", Kind.NAME));

    /** The valid value of a parameter whose kind alone does not say it. */
    private static final Map<String, String> VALID = Map.of("status", "open", "visibility", "public",
            "email", "corpus-reader@example.com",
            "cursor", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "2024-07-05T10:54:00Z corpus-none".getBytes(StandardCharsets.UTF_8)));

    private final String operation;
    private final List<HostileCase> cases = new ArrayList<>();

    private QueryMutations(String operation) {
        this.operation = operation;
    }

    static List<HostileCase> of(String operation, List<String> described, Map<String, String> validValues) {
        QueryMutations mutations = new QueryMutations(operation);
        // the cache-busting "_" of the Statuspage reads is described as ignored: any value of it is a valid request
        List<String> parameters = described.stream().filter(name -> !name.equals("_")).toList();
        for (String parameter : parameters) {
            Kind kind = KINDS.get(parameter);
            if (kind == null) {
                throw new IllegalStateException(operation + " has a query parameter the corpus does not know: "
                        + parameter + "; add what it holds to QueryMutations.KINDS");
            }
            mutations.parameter(parameter, kind, validValues.getOrDefault(parameter, valid(parameter)));
        }
        mutations.unknown("corpusUnknown", "1");
        mutations.unknown("%00", "1");
        mutations.unknown("a%5B%5D", "1");
        if (!parameters.isEmpty()) {
            String known = parameters.get(0);
            mutations.unknown(known.toUpperCase(), validValues.getOrDefault(known, valid(known)));
        }
        return mutations.cases;
    }

    private static String valid(String parameter) {
        return VALID.containsKey(parameter) ? VALID.get(parameter) : valid(KINDS.get(parameter));
    }

    static String valid(Kind kind) {
        return switch (kind) {
            case COUNT -> "5";
            case POSITION -> "1";
            case INSTANT -> "2024-07-05T10:54:00Z";
            case LOCALE -> "de";
            case ZONE -> "Europe/Berlin";
            case CHOICE, CURSOR -> throw new IllegalStateException("the valid value of a " + kind + " is by name");
            case ID -> "corpus-none";
            case NAME -> "corpus-none";
        };
    }

    private void parameter(String name, Kind kind, String valid) {
        boolean structured = kind != Kind.ID && kind != Kind.NAME;
        add(name, "empty", "", EITHER, true);
        add(name, "repeated", encode(valid) + "&" + name + "=" + encode(valid), EITHER, true);
        add(name, "repeated with another value", encode(valid) + "&" + name + "=x", EITHER, true);
        add(name, "NUL", encode("a\u0000b"), REFUSE, true);
        add(name, "control 0x1B", encode("a\u001bb"), REFUSE, true);
        add(name, "C1 U+0085", encode("a\u0085b"), REFUSE, true);
        add(name, "5000 characters", "x".repeat(5_000), REFUSE, true);
        add(name, "percent-encoded overlong UTF-8", "a%C0%AFb", structured ? REFUSE : EITHER, true);
        add(name, "percent-encoded Latin-1", "caf%E9", structured ? REFUSE : EITHER, true);
        add(name, "broken percent-encoding", "%zz", REFUSE, false);
        rawBytes(name, "raw byte 0x85", new byte[] {(byte) 0x85});
        rawBytes(name, "raw UTF-8", "ключ".getBytes(StandardCharsets.UTF_8));
        rawBytes(name, "raw space", new byte[] {' '});
        switch (kind) {
            case COUNT -> {
                for (String bad : List.of("abc", "1.5", "-1", "0", "1e3", "0x10", "99999999999999999999", "1000001",
                        "5%20")) {
                    add(name, bad, bad, REFUSE, true);
                }
                add(name, "+5", "%2B5", EITHER, true);
                add(name, "05", "05", EITHER, true);
            }
            case POSITION -> {
                for (String bad : List.of("abc", "1.5", "-1", "1e3", "0x10", "99999999999999999999")) {
                    add(name, bad, bad, REFUSE, true);
                }
                add(name, "0", "0", EITHER, true);
                add(name, "9223372036854775807", "9223372036854775807", EITHER, true);
            }
            case INSTANT -> {
                for (String bad : List.of("yesterday", "2024-13-45T00:00:00Z", "1720000000", "10:54:00Z",
                        "2024-07-05T10:54:00+25:00")) {
                    add(name, bad, encode(bad), REFUSE, true);
                }
                for (String boundary : List.of("2024-07-05", "2024-07-05T10:54:00", "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z")) {
                    add(name, boundary, encode(boundary), EITHER, true);
                }
            }
            case LOCALE -> {
                for (String bad : List.of("not a language", "x".repeat(300), "de_DE@", "../../etc/passwd")) {
                    add(name, bad.length() > 40 ? "300 characters" : bad, encode(bad), REFUSE, true);
                }
                for (String boundary : List.of("zz", "DE", "de-DE", "und", "*")) {
                    add(name, boundary, encode(boundary), EITHER, true);
                }
            }
            case ZONE -> {
                for (String bad : List.of("Mars/Olympus_Mons", "+25:00", "../../etc/passwd", "Europe/")) {
                    add(name, bad, encode(bad), REFUSE, true);
                }
                for (String boundary : List.of("utc", "UTC", "GMT+1", "+14:00", "Etc/GMT-14", "SystemV/AST4")) {
                    add(name, boundary, encode(boundary), EITHER, true);
                }
            }
            case CHOICE -> {
                for (String bad : List.of("corpus-none", "*", "open,resolved")) {
                    add(name, bad, encode(bad), REFUSE, true);
                }
                add(name, "upper case", encode(valid.toUpperCase()), EITHER, true);
            }
            case CURSOR -> {
                for (String bad : List.of("not a cursor", "bm90IGEgY3Vyc29y", "!!!!")) {
                    add(name, bad, encode(bad), REFUSE, true);
                }
            }
            case ID, NAME -> {
                add(name, "300 characters", "x".repeat(300), REFUSE, true);
                for (String boundary : List.of("../../etc/passwd", "' OR 1=1--", "<script>", "\u202e")) {
                    add(name, boundary, encode(boundary), EITHER, true);
                }
            }
        }
    }

    private void add(String name, String mutation, String encodedValue, Expect expect, boolean namesField) {
        String pair = name + "=" + encodedValue;
        cases.add(new HostileCase(operation, "query", name + ": " + mutation, expect,
                expect == REFUSE && namesField ? Set.of(name) : Set.of(), d -> d.query(pair)));
    }

    private void rawBytes(String name, String mutation, byte[] value) {
        byte[] pair = Json.bytes(name + "=a", value, "b");
        cases.add(new HostileCase(operation, "query", name + ": " + mutation, REFUSE, Set.of(), d -> d.query(pair)));
    }

    private void unknown(String name, String value) {
        cases.add(new HostileCase(operation, "query", "unknown parameter " + name, REFUSE, Set.of(),
                d -> d.query(name + "=" + value)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
