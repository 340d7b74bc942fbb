package io.incidenttimeline.api.hostile.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One operation of the served description, as far as the corpus needs it. */
public record Operation(String id, String method, String template, boolean secured, Set<String> headers,
                        List<String> query, JsonNode bodySchema, boolean bodyRequired) {

    public static List<Operation> all(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                JsonNode node = op.getValue();
                Set<String> headers = new LinkedHashSet<>();
                List<String> query = new ArrayList<>();
                for (JsonNode parameter : node.path("parameters")) {
                    switch (parameter.path("in").asText()) {
                        case "header" -> headers.add(parameter.get("name").asText());
                        case "query" -> query.add(parameter.get("name").asText());
                        default -> { }
                    }
                }
                boolean secured = false;
                for (JsonNode requirement : node.path("security")) {
                    secured |= !requirement.isEmpty();
                }
                JsonNode schema = node.at("/requestBody/content/application~1json/schema");
                operations.add(new Operation(node.path("operationId").asText(), op.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(), secured, headers, query, schema.isMissingNode() ? null : schema,
                        node.at("/requestBody/required").asBoolean(false)));
            }
        }
        return operations;
    }

    public boolean hasBody() {
        return bodySchema != null;
    }
}
