package io.incidenttimeline.api.process;

import io.incidenttimeline.api.support.ApiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The life of one incident as ten commands, each with its own Idempotency-Key and the events it must store: all of
 * them, or none. Several of them store two events (a declaration with its first update, a resolving update, a
 * reopening one), so a half-written command would show.
 */
final class IncidentScript {

    record Command(String incidentId, String key, String method, String path, Map<String, Object> body,
                   List<String> expectedTypes) {

        ApiClient.Response send(ApiClient api) {
            return api.call(method, path).as(ApiClient.RESPONDER).header("Idempotency-Key", key).json(body).send();
        }
    }

    static final int COMMANDS = 10;
    /** The catalogue component every scripted incident affects; {@link #defineComponent} adds it. */
    static final String COMPONENT = "checkout";

    private IncidentScript() {
    }

    static List<Command> of(String incidentId) {
        String incident = "/api/v1/incidents/" + incidentId;
        List<Command> commands = new ArrayList<>();
        Map<String, Object> declaration = update("investigating", "Checkout fails for some customers", "public", "u0");
        declaration.put("id", incidentId);
        declaration.put("title", "Checkout fails (" + incidentId + ")");
        declaration.put("locale", "en");
        declaration.put("impact", "minor");
        declaration.put("components", Map.of(COMPONENT, "partial_outage"));
        commands.add(command(incidentId, 0, "POST", "/api/v1/incidents", declaration, "IncidentDeclared", "UpdatePosted"));
        commands.add(command(incidentId, 1, "POST", incident + "/updates",
                update("identified", "A faulty deploy was identified", "public", "u1"), "UpdatePosted"));
        commands.add(command(incidentId, 2, "POST", incident + "/updates",
                update("monitoring", "The deploy was rolled back", "public", "u2"), "UpdatePosted"));
        commands.add(command(incidentId, 3, "POST", incident + "/updates",
                update("resolved", "Checkouts succeed again", "public", "u3"), "UpdatePosted", "IncidentResolved"));
        commands.add(command(incidentId, 4, "POST", incident + "/updates",
                update("investigating", "Failures are back", "public", "u4"), "IncidentReopened", "UpdatePosted"));
        commands.add(command(incidentId, 5, "POST", incident + "/updates",
                update("identified", "Second node of the cache cluster misbehaves", "internal", "u5"), "UpdatePosted"));
        commands.add(command(incidentId, 6, "POST", incident + "/updates/u1/amendments",
                Map.of("message", "A faulty deploy of the payment service was identified", "reason", "precision"),
                "UpdateAmended"));
        commands.add(command(incidentId, 7, "POST", incident + "/translations",
                Map.of("locale", "de", "machineTranslated", true, "title", "Checkout schlägt fehl (" + incidentId + ")"),
                "TranslationAdded"));
        commands.add(command(incidentId, 8, "POST", incident + "/updates",
                update("monitoring", "The cache node was replaced", "public", "u8"), "UpdatePosted"));
        commands.add(command(incidentId, 9, "POST", incident + "/updates",
                update("resolved", "Resolved for good", "public", "u9"), "UpdatePosted", "IncidentResolved"));
        return commands;
    }

    static void defineComponent(ApiClient api) {
        var response = api.post("/api/v1/components").as(ApiClient.ADMIN)
                .json(Map.of("id", COMPONENT, "name", "Checkout", "group", "Shop", "position", 1)).send();
        if (response.status() != 201 && response.status() != 200) {
            throw new AssertionError("cannot define the component: " + response);
        }
    }

    private static Map<String, Object> update(String status, String message, String visibility, String updateId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        body.put("visibility", visibility);
        body.put("updateId", updateId);
        return body;
    }

    private static Command command(String incidentId, int step, String method, String path, Map<String, Object> body,
                                   String... expectedTypes) {
        return new Command(incidentId, incidentId + "-" + step, method, path, body, List.of(expectedTypes));
    }
}
