package io.incidenttimeline.api.hostile.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The schemas of the served description, with {@code $ref} followed. */
final class Schemas {

    private final JsonNode description;

    Schemas(JsonNode description) {
        this.description = description;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema == null ? MissingNode.getInstance() : schema;
        for (int hops = 0; hops < 20; hops++) {
            if (current.has("$ref")) {
                current = description.at(current.get("$ref").asText().substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        throw new IllegalStateException("a $ref cycle at " + schema);
    }

    /** The JSON type a schema describes, inferred for objects and maps that do not say. */
    String type(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("type")) {
            return resolved.get("type").asText();
        }
        if (resolved.has("properties") || resolved.has("additionalProperties")) {
            return "object";
        }
        return resolved.has("items") ? "array" : "any";
    }
}
