package io.incidenttimeline.api.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads idempotency records written before outcomes were stored (migration V20), which hold the HTTP response that
 * was sent: its status, ETag and JSON body. They stay answerable, so a client retrying across the upgrade still gets
 * its first answer instead of having its command carried out twice.
 */
final class StoredResponses {

    private static final String PROBLEM_PREFIX = "/problems/";

    private StoredResponses() {
    }

    static IdempotencyStore.Outcome outcome(ObjectMapper json, int status, String etag, String body) {
        JsonNode answer = read(json, body);
        if (status >= 200 && status < 300) {
            String id = text(answer, "incidentId", text(answer, "maintenanceId", text(answer, "componentId", null)));
            long version = etag != null ? Long.parseLong(etag.replace("\"", "")) : answer.path("version").asLong();
            return new IdempotencyStore.Outcome(new CommandResult(version, id, text(answer, "updateId", null),
                    status == 201, false), null);
        }
        String type = text(answer, "type", "");
        return new IdempotencyStore.Outcome(null, new Refusal(kind(status),
                type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type,
                text(answer, "field", null), text(answer, "detail", null)));
    }

    private static Refusal.Kind kind(int status) {
        return switch (status) {
            case 400 -> Refusal.Kind.INVALID_INPUT;
            case 404 -> Refusal.Kind.NOT_FOUND;
            default -> Refusal.Kind.RULE_VIOLATION;
        };
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static JsonNode read(ObjectMapper json, String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an idempotency record holds an unreadable response", e);
        }
    }
}
