package io.incidenttimeline.api.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realistic mix, as requests: a component catalogue, and incidents that are declared, get public and internal
 * updates, an impact window recorded after the fact, a machine translation, a resolution and, for some, a
 * post-mortem. {@link EventGenerator} writes the same stories as stored events.
 */
final class Workload {

    static final int COMPONENTS = 12;

    private Workload() {
    }

    static String componentId(int i) {
        return "component-" + i;
    }

    static void defineComponents(BenchHttp http) {
        for (int i = 0; i < COMPONENTS; i++) {
            http.command("/api/v1/components", Map.of("id", componentId(i), "name", "Service " + i,
                    "group", "Group " + (i % 3), "position", i, "description", "Generated component " + i), 201);
        }
    }

    /** One incident's story through the command API; {@code resolve} false leaves it open on the page. */
    static void incidentStory(BenchHttp http, String id, int n, boolean resolve) {
        String base = "/api/v1/incidents/" + id;
        String component = componentId(n % COMPONENTS);
        Map<String, Object> declaration = new LinkedHashMap<>(update("investigating",
                "We are investigating errors on " + component + " for some customers.", "public"));
        declaration.put("id", id);
        declaration.put("title", "Elevated error rates on " + component);
        declaration.put("locale", "en");
        declaration.put("impact", n % 4 == 0 ? "major" : "minor");
        declaration.put("components", Map.of(component, n % 4 == 0 ? "partial_outage" : "degraded_performance"));
        declaration.put("regions", List.of("eu-west-" + (n % 3)));
        String first = http.json(http.command("/api/v1/incidents", declaration, 201)).get("updateId").asText();
        http.command(base + "/updates", update("investigating", "Internal: paged the owning team, suspect deploy #"
                + n + ".", "internal"), 201);
        Map<String, Object> identified = update("identified", "We identified a faulty configuration change and are "
                + "reverting it. Next update in 30 minutes.", "public");
        identified.put("nextUpdateInMinutes", 30);
        String second = http.json(http.command(base + "/updates", identified, 201)).get("updateId").asText();
        http.command(base + "/impact-window", Map.of("startedAt", "2024-07-05T10:54:00Z",
                "reason", "from the first alert"), 200, "PUT");
        http.command(base + "/translations", Map.of("locale", "de", "machineTranslated", true, "engine", "bench-mt",
                "title", "Erhöhte Fehlerraten bei " + component, "updates", Map.of(first,
                        "Wir untersuchen Fehler bei " + component + ".", second,
                        "Wir haben eine fehlerhafte Konfigurationsänderung gefunden und machen sie rückgängig.")), 200);
        if (!resolve) {
            return;
        }
        Map<String, Object> resolved = update("resolved", "The change was rolled back and error rates are normal.",
                "public");
        resolved.put("components", Map.of(component, "operational"));
        http.command(base + "/updates", resolved, 201);
        if (n % 3 == 0) {
            http.command(base + "/postmortem", Map.of("summary", "A configuration change pointed " + component
                            + " at the wrong storage location.", "rootCause", "A shared setting was changed for one "
                            + "service and affected another.", "resolution", "The change was reverted.",
                    "remediation", List.of(Map.of("title", "Separate settings per service", "owner", "platform"))),
                    200, "PUT");
        }
    }

    /** The body of a declaration in English, investigating, public. */
    static Map<String, Object> declaration(String id, String title, String impact) {
        Map<String, Object> body = update("investigating", "Investigating.", "public");
        body.put("id", id);
        body.put("title", title);
        body.put("locale", "en");
        body.put("impact", impact);
        return body;
    }

    static Map<String, Object> update(String status, String message, String visibility) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        body.put("visibility", visibility);
        return body;
    }

    /** Updates that alternate public and internal, for the long incident of the time-travel figure. */
    static List<Map<String, Object>> longIncidentUpdates(int count) {
        List<Map<String, Object>> updates = new ArrayList<>();
        String[] statuses = {"investigating", "identified", "monitoring"};
        for (int i = 0; i < count; i++) {
            updates.add(update(statuses[(i / 10) % 3], "Progress note " + i + ": still working on it.",
                    i % 4 == 3 ? "internal" : "public"));
        }
        return updates;
    }
}
