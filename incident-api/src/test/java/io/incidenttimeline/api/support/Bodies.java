package io.incidenttimeline.api.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Valid request bodies to start from; tests change the one field they are about. */
public final class Bodies {

    private Bodies() {
    }

    public static Map<String, Object> declaration(String incidentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", incidentId);
        body.put("title", "Checkout fails for some customers");
        body.put("locale", "en");
        body.put("impact", "minor");
        body.put("status", "investigating");
        body.put("message", "We are investigating failed checkouts.");
        body.put("visibility", "public");
        return body;
    }

    public static Map<String, Object> update(String status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        body.put("visibility", "public");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    public static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }
}
