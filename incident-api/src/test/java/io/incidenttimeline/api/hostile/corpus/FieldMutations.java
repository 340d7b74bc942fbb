package io.incidenttimeline.api.hostile.corpus;

import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.EITHER;
import static io.incidenttimeline.api.hostile.corpus.HostileCase.Expect.REFUSE;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.hostile.corpus.HostileCase.Expect;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Every field of a request body, found by walking its schema ({@code $ref}, nested objects, arrays, maps), set to
 * what its schema does not allow: the other JSON types, null, values beyond its bounds and formats, broken strings,
 * and what a strict parser must refuse (duplicate-free JSON only, no coercion). Missing required fields and unknown
 * fields too. The problem of a refusal names the field by its path.
 */
final class FieldMutations {

    private static final int UNBOUNDED_STRING = 20_000;

    private final Schemas schemas;
    private final String operation;
    private final List<HostileCase> cases = new ArrayList<>();

    private FieldMutations(Schemas schemas, String operation) {
        this.schemas = schemas;
        this.operation = operation;
    }

    static List<HostileCase> of(Schemas schemas, String operation, JsonNode bodySchema, JsonNode seed) {
        FieldMutations mutations = new FieldMutations(schemas, operation);
        mutations.object(JsonPath.root(), schemas.resolve(bodySchema), seed);
        return mutations.cases;
    }

    private void value(JsonPath at, JsonNode schema, JsonNode seed) {
        JsonNode resolved = schemas.resolve(schema);
        String type = schemas.type(resolved);
        wrongTypes(at, type, resolved);
        switch (type) {
            case "string" -> string(at, resolved);
            case "integer" -> integer(at, resolved);
            case "number" -> number(at);
            case "boolean" -> bool(at);
            case "array" -> array(at, resolved, seed);
            case "object" -> object(at, resolved, seed);
            default -> { }
        }
    }

    private void wrongTypes(JsonPath at, String type, JsonNode schema) {
        Expect onNull = schema.path("nullable").asBoolean(false) ? EITHER : REFUSE;
        raw(at, "null", "null", onNull);
        if (!type.equals("string")) {
            raw(at, "string", "\"x\"", REFUSE);
        }
        if (!type.equals("integer") && !type.equals("number")) {
            raw(at, "number", "12345", REFUSE);
        }
        if (!type.equals("boolean")) {
            raw(at, "boolean", "true", REFUSE);
        }
        if (!type.equals("array")) {
            raw(at, "array", "[\"x\"]", REFUSE);
        }
        if (!type.equals("object")) {
            raw(at, "object", "{\"x\":\"y\"}", REFUSE);
        }
    }

    private void string(JsonPath at, JsonNode schema) {
        boolean constrained = schema.has("enum") || schema.has("format") || schema.has("pattern");
        Expect free = constrained ? REFUSE : EITHER;
        raw(at, "empty string", "\"\"", schema.path("minLength").asInt(0) > 0 ? REFUSE : free);
        raw(at, "blank string", "\"   \"", free);
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            raw(at, "maxLength+1 (" + (max + 1) + ")", Json.string("x".repeat(max + 1)), REFUSE);
            raw(at, "exactly maxLength (" + max + ")", Json.string("x".repeat(max)), free);
        } else {
            raw(at, UNBOUNDED_STRING + " characters", Json.string("x".repeat(UNBOUNDED_STRING)), free);
        }
        if (schema.path("minLength").asInt(0) > 1) {
            int min = schema.get("minLength").asInt();
            raw(at, "minLength-1 (" + (min - 1) + ")", Json.string("x".repeat(min - 1)), REFUSE);
        }
        for (String control : List.of("\\u0000", "\\u0001", "\\u0008", "\\u001b", "\\u001f", "\\u007f", "\\u0085",
                "\\u009f")) {
            raw(at, "control " + control, "\"a" + control + "b\"", REFUSE);
        }
        raw(at, "tab and newline", "\"a\\tb\\nc\"", free);
        raw(at, "lone high surrogate", "\"a\\ud800b\"", REFUSE);
        raw(at, "lone low surrogate", "\"\\udc00\"", REFUSE);
        raw(at, "reversed surrogates", "\"\\ude00\\ud83d\"", REFUSE);
        raw(at, "surrogate pair", "\"\\ud83d\\ude00\"", free);
        raw(at, "right-to-left override", "\"a\\u202eb\"", free);
        raw(at, "markup", Json.string("<script>alert(1)</script>"), free);
        raw(at, "SQL", Json.string("' OR 1=1--"), free);
        syntax(at, "overlong UTF-8 C0 AF", Json.bytes("\"a", 0xC0, 0xAF, "b\""));
        syntax(at, "Latin-1 byte E9", Json.bytes("\"caf", 0xE9, "\""));
        syntax(at, "UTF-8 encoded surrogate ED A0 80", Json.bytes("\"a", 0xED, 0xA0, 0x80, "\""));
        syntax(at, "byte FF", Json.bytes("\"a", 0xFF, "\""));
        syntax(at, "truncated UTF-8 E2 82", Json.bytes("\"a", 0xE2, 0x82, "\""));
        syntax(at, "unescaped control 0x01", Json.bytes("\"a", 0x01, "b\""));
        syntax(at, "single quotes", "'x'");
        syntax(at, "unquoted", "x");
        if (schema.has("enum")) {
            String first = schema.get("enum").get(0).asText();
            raw(at, "enum bogus", "\"corpus-bogus\"", REFUSE);
            raw(at, "enum upper case", Json.string(first.toUpperCase()), first.equals(first.toUpperCase()) ? EITHER : REFUSE);
            raw(at, "enum padded", Json.string(" " + first + " "), REFUSE);
            raw(at, "enum with NUL", "\"" + first + "\\u0000\"", REFUSE);
            raw(at, "enum index", "0", REFUSE);
        }
        switch (schema.path("format").asText("")) {
            case "date-time" -> dateTime(at);
            case "date" -> date(at);
            case "uuid" -> {
                raw(at, "not a uuid", "\"not-a-uuid\"", REFUSE);
                raw(at, "uuid without dashes", "\"123e4567e89b12d3a456426614174000\"", REFUSE);
            }
            case "uri", "url" -> {
                raw(at, "not a uri", "\"not a uri\"", REFUSE);
                raw(at, "relative uri", "\"/relative\"", REFUSE);
            }
            case "email" -> raw(at, "not an email", "\"no-at-sign\"", REFUSE);
            default -> { }
        }
    }

    private void dateTime(JsonPath at) {
        for (String bad : List.of("yesterday", "2024-13-45T99:99:99Z", "2024-07-05", "2024-07-05T10:54:00",
                "10:54:00Z", "1720000000", "2024-02-30T10:54:00Z", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "2024-07-05T10:54:00+25:00")) {
            raw(at, "date-time " + bad, Json.string(bad), REFUSE);
        }
        raw(at, "date-time as epoch number", "1720000000", REFUSE);
        raw(at, "date-time as fractional number", "1720000000.5", REFUSE);
        for (String boundary : List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-07-05T10:54:00+02:00",
                "2024-07-05T10:54:00.123456789Z", "2024-07-05 10:54:00Z", "2024-07-05t10:54:00z",
                "2016-12-31T23:59:60Z")) {
            raw(at, "date-time boundary " + boundary, Json.string(boundary), EITHER);
        }
    }

    private void date(JsonPath at) {
        for (String bad : List.of("tomorrow", "2024-02-30", "2024-13-01", "2024-07-05T00:00:00Z", "20240705",
                "+10000-01-01", "24-07-05")) {
            raw(at, "date " + bad, Json.string(bad), REFUSE);
        }
        raw(at, "date as number", "20240705", REFUSE);
        raw(at, "date boundary 0001-01-01", "\"0001-01-01\"", EITHER);
        raw(at, "date boundary 9999-12-31", "\"9999-12-31\"", EITHER);
    }

    private void integer(JsonPath at, JsonNode schema) {
        boolean int64 = schema.path("format").asText("").equals("int64");
        raw(at, "fraction", "1.5", REFUSE);
        raw(at, "number as string", "\"30\"", REFUSE);
        raw(at, "huge exponent", "1e400", REFUSE);
        raw(at, "huge negative exponent", "-1e400", REFUSE);
        raw(at, "beyond the format", int64 ? "9223372036854775808" : "2147483648", REFUSE);
        raw(at, "below the format", int64 ? "-9223372036854775809" : "-2147483649", REFUSE);
        syntax(at, "2000 digits (beyond what a parser reads)", "1" + "0".repeat(2000));
        raw(at, "negative", "-1", EITHER);
        raw(at, "zero", "0", EITHER);
        raw(at, "negative zero", "-0", EITHER);
        raw(at, "format maximum", int64 ? "9223372036854775807" : "2147483647", EITHER);
        raw(at, "integral fraction 1.0", "1.0", EITHER);
        raw(at, "integral exponent 1e2", "1e2", EITHER);
        if (schema.has("minimum")) {
            raw(at, "minimum-1", String.valueOf(schema.get("minimum").asLong() - 1), REFUSE);
        }
        if (schema.has("maximum")) {
            raw(at, "maximum+1", String.valueOf(schema.get("maximum").asLong() + 1), REFUSE);
        }
        for (String notJson : List.of("NaN", "Infinity", "-Infinity", "007", "+1", "0x1F", ".5", "1.")) {
            syntax(at, "not a JSON number " + notJson, notJson);
        }
    }

    private void number(JsonPath at) {
        raw(at, "number as string", "\"1.5\"", REFUSE);
        raw(at, "huge exponent", "1e400", REFUSE);
        syntax(at, "NaN", "NaN");
    }

    private void bool(JsonPath at) {
        raw(at, "boolean as string", "\"true\"", REFUSE);
        raw(at, "boolean as string false", "\"false\"", REFUSE);
        raw(at, "boolean as 1", "1", REFUSE);
        raw(at, "boolean as 0", "0", REFUSE);
        raw(at, "boolean as yes", "\"yes\"", REFUSE);
        raw(at, "boolean as empty string", "\"\"", REFUSE);
        syntax(at, "boolean capitalized", "True");
    }

    private void array(JsonPath at, JsonNode schema, JsonNode seed) {
        JsonNode items = schema.path("items");
        JsonNode first = seed != null && seed.isArray() && !seed.isEmpty() ? seed.get(0) : null;
        raw(at, "empty array", "[]", schema.path("minItems").asInt(0) > 0 ? REFUSE : EITHER);
        raw(at, "null element", "[null]", REFUSE, at.index(0).toString());
        if (first != null) {
            raw(at, "null after a valid element", "[" + Json.text(first) + ",null]", REFUSE, at.index(1).toString());
            if (schema.has("maxItems")) {
                int max = schema.get("maxItems").asInt();
                raw(at, "maxItems+1 (" + (max + 1) + ")", repeated(first, max + 1), REFUSE);
            } else {
                raw(at, "1000 elements", repeated(first, 1_000), EITHER);
            }
        }
        syntax(at, "trailing comma in array", "[" + (first == null ? "\"x\"" : Json.text(first)) + ",]");
        value(at.index(0), items, first);
    }

    private static String repeated(JsonNode element, int times) {
        String one = Json.text(element);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < times; i++) {
            text.append(i == 0 ? "" : ",").append(one);
        }
        return text.append(']').toString();
    }

    private void object(JsonPath at, JsonNode schema, JsonNode seed) {
        JsonNode additional = schema.path("additionalProperties");
        boolean open = additional.isBoolean() ? additional.asBoolean() : additional.isObject()
                && !schema.has("properties");
        if (!at.isRoot()) {
            // refused, it may name a field the object lacks
            add(at, "empty object", schema.has("required") ? REFUSE : EITHER, Set.of(at + ".*"),
                    draft -> draft.set(at, "{}"));
        }
        if (schema.has("properties")) {
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<String> names = schema.get("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode present = seed == null ? null : seed.get(name);
                if (required.contains(name) && present != null) {
                    add(at.field(name), "missing required", REFUSE, Set.of(at.field(name).toString()),
                            draft -> draft.remove(at.field(name)));
                }
                value(at.field(name), schema.get("properties").get(name), present);
            }
            Expect unknown = additional.isBoolean() && additional.asBoolean() ? EITHER : REFUSE;
            raw(at.field("corpusUnknown"), "unknown field", "1", unknown);
            String firstName = schema.get("properties").fieldNames().next();
            String variant = Character.toUpperCase(firstName.charAt(0)) + firstName.substring(1);
            raw(at.field(variant), "unknown field differing in case", "\"x\"", unknown);
        } else if (additional.isObject()) {
            String key = seed != null && seed.isObject() && seed.fieldNames().hasNext() ? seed.fieldNames().next()
                    : "corpus-key";
            JsonNode valueSeed = seed == null ? null : seed.get(key);
            raw(at, "null map value", "{" + Json.string(key) + ":null}", REFUSE, at.field(key).toString());
            if (valueSeed != null) {
                raw(at, "empty map key", "{\"\":" + Json.text(valueSeed) + "}", EITHER);
                raw(at, "map key with NUL", "{\"a\\u0000b\":" + Json.text(valueSeed) + "}", EITHER);
            }
            value(at.field(key), additional, valueSeed);
        } else if (open) {
            raw(at.field("corpusUnknown"), "unknown field", "1", EITHER);
        }
    }

    private void raw(JsonPath at, String mutation, String rawJson, Expect expect) {
        raw(at, mutation, rawJson, expect, at.toString());
    }

    private void raw(JsonPath at, String mutation, String rawJson, Expect expect, String field) {
        add(at, mutation, expect, Set.of(field), draft -> draft.set(at, rawJson));
    }

    /** Not JSON at all at this place: the whole body is unreadable, so the problem may name the body or the field. */
    private void syntax(JsonPath at, String mutation, String rawJson) {
        syntax(at, mutation, rawJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void syntax(JsonPath at, String mutation, byte[] raw) {
        Set<String> fields = new java.util.HashSet<>(Set.of(at + ".*", "body"));
        // a parser stops inside the value: the field it names may be the object or map holding it, or an element
        for (JsonPath outer = at.parent(); outer != null && !outer.isRoot(); outer = outer.parent()) {
            fields.add(outer.toString());
        }
        add(at, mutation, REFUSE, fields, draft -> draft.set(at, raw));
    }

    private void add(JsonPath at, String mutation, Expect expect, Set<String> fields,
                     java.util.function.Consumer<Draft> change) {
        cases.add(new HostileCase(operation, "field", at + ": " + mutation, expect, fields, change));
    }
}
