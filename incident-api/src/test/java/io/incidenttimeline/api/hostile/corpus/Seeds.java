package io.incidenttimeline.api.hostile.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A valid request of every operation, kept by hand: its body, and the incident, maintenance or subscriber it acts
 * on, declared fresh for it through the API. A generated case changes one thing of such a request. An operation the
 * description lists and this class does not know fails the corpus.
 */
public final class Seeds {

    /** An admin token with a rate limit the corpus cannot reach (application-it.yml). */
    public static final String TOKEN = "hostile-secret";

    private final ApiClient api;
    private final String component = unique("corpus-c");
    private final String quietComponent = unique("corpus-q");
    private String sharedIncident;
    private String sharedMaintenance;

    public Seeds(ApiClient api) {
        this.api = api;
    }

    /**
     * The request a case starts from: a path with its ids filled in, fixed query pairs, the current ETag, and
     * whether an accepted request uses the scene up (a retracted update cannot be retracted again).
     */
    public record Scene(String path, List<String> query, String etag, boolean consumedWhenAccepted,
                        int controlStatus) {
    }

    public void defineComponents() {
        for (String id : List.of(component, quietComponent)) {
            send("POST", "/api/v1/components", Map.of("id", id, "name", "Corpus " + id, "group", "Corpus"));
        }
        sharedIncident = declareIncident();
        sharedMaintenance = scheduleMaintenance();
    }

    /** The valid body of the operation, fresh ids and times included; null for operations without one. */
    public JsonNode body(String operation) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        switch (operation) {
            case "declare" -> {
                body.put("id", unique("corpus-i"));
                body.put("updateId", unique("u"));
                body.put("title", "Checkout fails for some customers");
                body.put("locale", "en");
                body.put("impact", "minor");
                body.put("status", "investigating");
                body.put("message", "We are investigating failed checkouts.");
                body.put("visibility", "public");
                body.put("components", Map.of(component, "degraded_performance"));
                body.put("regions", List.of("eu-west"));
                body.put("nextUpdateInMinutes", 30);
            }
            case "postUpdate" -> {
                body.put("updateId", unique("u"));
                body.put("status", "identified");
                body.put("message", "We found the cause.");
                body.put("visibility", "public");
                body.put("components", Map.of(component, "partial_outage"));
                body.put("nextUpdateInMinutes", 30);
            }
            case "amend" -> {
                body.put("message", "We are investigating failed checkouts in Europe.");
                body.put("reason", "The region was missing.");
            }
            case "retract" -> body.put("reason", "Posted to the wrong incident.");
            case "recordImpactWindow" -> {
                body.put("startedAt", now.minus(Duration.ofMinutes(150)).toString());
                body.put("endedAt", now.minus(Duration.ofMinutes(60)).toString());
                body.put("reason", "Established from the logs.");
            }
            case "recordLifecycleTime" -> {
                body.put("at", now.minus(Duration.ofMinutes(20)).toString());
                body.put("reason", "Taken from the alert history.");
            }
            case "changeImpact" -> {
                body.put("impact", "major");
                body.put("components", Map.of(component, "major_outage"));
            }
            case "addTranslation" -> {
                body.put("locale", "de");
                body.put("machineTranslated", true);
                body.put("engine", "corpus engine");
                body.put("title", "Bezahlen schlägt fehl");
                body.put("updates", Map.of("u1", "Wir untersuchen fehlgeschlagene Zahlungen."));
                body.put("postMortem", Map.of("summary", "Eine Stunde lang schlugen Zahlungen fehl.",
                        "rootCause", "Eine Konfigurationsänderung.", "resolution", "Sie wurde zurückgenommen."));
            }
            case "publishPostMortem" -> {
                body.put("summary", "Checkouts failed for an hour.");
                body.put("rootCause", "A configuration change.");
                body.put("resolution", "The change was reverted.");
                body.put("remediation", List.of(remediationItem()));
            }
            case "completeRemediationItem" -> { }
            case "assignRole" -> {
                body.put("holder", "Dana Reyes");
                body.put("reason", "On call this week.");
            }
            case "releaseRole" -> body.put("reason", "Off shift.");
            case "scheduleMaintenance" -> {
                body.put("id", unique("corpus-m"));
                body.put("title", "Database upgrade");
                body.put("message", "Writes pause for a few minutes.");
                body.put("components", List.of(component));
                body.put("scheduledFor", now.plus(Duration.ofDays(2)).toString());
                body.put("scheduledUntil", now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)).toString());
                body.put("autoStart", false);
                body.put("autoComplete", false);
            }
            case "postMaintenanceUpdate", "startMaintenance", "completeMaintenance", "cancelMaintenance" ->
                    body.put("message", "Going as planned.");
            case "define" -> {
                body.put("id", unique("corpus-c"));
                body.put("name", "Corpus component");
                body.put("group", "Corpus");
                body.put("position", 1);
                body.put("description", "Defined by the hostile corpus");
            }
            case "retire" -> body.put("reason", "Replaced by the corpus's next component.");
            case "registerSubscriber" -> {
                body.put("url", "http://127.0.0.1:9/corpus-hook");
                body.put("secret", "corpus-secret-0123456789abcdef");
                body.put("components", List.of(quietComponent));
            }
            case "receive" -> alertmanagerNotification(body, now);
            case "issueToken" -> {
                body.put("name", unique("corpus-token"));
                body.put("role", "responder");
            }
            case "createTemplate", "changeTemplate" -> {
                if (operation.equals("createTemplate")) {
                    body.put("name", unique("corpus-t"));
                }
                body.put("kind", "update");
                body.put("defaultLocale", "en");
                body.put("texts", Map.of("en", Map.of("message", "We are watching {component} ({ticket}); next update "
                                + "by {next_update}."),
                        "de", Map.of("message", "Wir beobachten {component} ({ticket}).")));
                body.put("status", "monitoring");
                body.put("visibility", "public");
                body.put("components", Map.of(component, "degraded_performance"));
                body.put("nextUpdateInMinutes", operation.equals("createTemplate") ? 30 : 45);
            }
            case "renderTemplate" -> {
                body.put("locale", "de");
                body.put("values", Map.of("ticket", "OPS-17"));
                body.put("components", Map.of(component, "partial_outage"));
                body.put("nextUpdateInMinutes", 20);
            }
            case "subscribeByEmail" -> {
                body.put("email", unique("corpus-reader") + "@example.com");
                body.put("components", List.of(quietComponent));
                body.put("locale", "en");
                body.put("zone", "UTC");
            }
            default -> {
                return null;
            }
        }
        return ApiClient.tree(body);
    }

    private static Map<String, Object> remediationItem() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "fix-1");
        item.put("title", "Check configuration changes before rollout");
        item.put("owner", "platform");
        item.put("dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        return item;
    }

    private void alertmanagerNotification(Map<String, Object> body, Instant now) {
        String fingerprint = UUID.randomUUID().toString().substring(0, 12);
        body.put("version", "4");
        body.put("groupKey", "{}:{alertname=\"CorpusAlert\", run=\"" + unique("g") + "\"}");
        body.put("truncatedAlerts", 0);
        body.put("status", "firing");
        body.put("receiver", "incident-timeline");
        body.put("groupLabels", Map.of("alertname", "CorpusAlert"));
        body.put("commonLabels", Map.of("alertname", "CorpusAlert", "component", component, "severity", "warning"));
        body.put("commonAnnotations", Map.of("summary", "Corpus error rate above 5%"));
        body.put("externalURL", "http://alertmanager.local:9093");
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("status", "firing");
        alert.put("labels", Map.of("alertname", "CorpusAlert", "component", component, "severity", "warning"));
        alert.put("annotations", Map.of("summary", "Corpus error rate above 5%"));
        alert.put("startsAt", now.minus(Duration.ofMinutes(5)).toString());
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus.local:9090/graph");
        alert.put("fingerprint", fingerprint);
        body.put("alerts", List.of(alert));
    }

    /** Declares what the operation acts on and returns the request to start from. */
    public Scene scene(String operation) {
        return switch (operation) {
            case "declare" -> fixed("/api/v1/incidents");
            case "postUpdate" -> onIncident(declareIncident(), "/updates");
            case "amend" -> onIncident(declareIncident(), "/updates/u1/amendments");
            case "retract" -> {
                String incident = declareIncident();
                post("/api/v1/incidents/" + incident + "/updates", update("u2", "identified"));
                yield onIncident(incident, "/updates/u2/retraction");
            }
            case "recordImpactWindow" -> onIncident(declareIncident(), "/impact-window");
            case "assignRole" -> onIncident(declareIncident(), "/roles/lead");
            case "releaseRole" -> {
                String incident = declareIncident();
                send("PUT", "/api/v1/incidents/" + incident + "/roles/communications", body("assignRole"));
                yield onIncident(incident, "/roles/communications");
            }
            case "changeImpact" -> onIncident(declareIncident(), "/impact");
            case "recordLifecycleTime" -> onIncident(declareIncident(), "/lifecycle/detected");
            case "addTranslation" -> {
                String incident = resolvedIncident();
                send("PUT", "/api/v1/incidents/" + incident + "/postmortem", body("publishPostMortem"));
                yield onIncident(incident, "/translations");
            }
            case "publishPostMortem" -> onIncident(resolvedIncident(), "/postmortem");
            case "completeRemediationItem" -> {
                String incident = resolvedIncident();
                send("PUT", "/api/v1/incidents/" + incident + "/postmortem", body("publishPostMortem"));
                yield onIncident(incident, "/postmortem/remediation/fix-1/completion");
            }
            case "scheduleMaintenance" -> fixed("/api/v1/maintenances");
            case "postMaintenanceUpdate" -> onMaintenance(scheduleMaintenance(), "/updates");
            case "startMaintenance" -> onMaintenance(scheduleMaintenance(), "/start");
            case "cancelMaintenance" -> onMaintenance(scheduleMaintenance(), "/cancel");
            case "completeMaintenance" -> {
                String maintenance = scheduleMaintenance();
                post("/api/v1/maintenances/" + maintenance + "/start", Map.of("message", "Started."));
                yield onMaintenance(maintenance, "/complete");
            }
            case "define" -> fixed("/api/v1/components");
            case "registerSubscriber", "listSubscribers" -> fixed("/api/v1/subscribers");
            case "receive" -> fixed("/api/v1/webhooks/alertmanager");
            case "getSubscriber" -> fixed("/api/v1/subscribers/" + registerSubscriber());
            case "subscriberDeliveries" -> fixed("/api/v1/subscribers/" + registerSubscriber() + "/deliveries");
            case "removeSubscriber" -> new Scene("/api/v1/subscribers/" + registerSubscriber(), List.of(), null, true,
                    204);
            case "issueToken", "listTokens" -> fixed("/api/v1/admin/tokens");
            case "createTemplate", "listTemplates" -> fixed("/api/v1/templates");
            case "getTemplate" -> fixed("/api/v1/templates/" + createTemplate());
            case "renderTemplate" -> fixed("/api/v1/templates/" + createTemplate() + "/render");
            // a fresh template each time: a change moves its version on, a retirement is final
            case "changeTemplate", "retireTemplate" -> new Scene("/api/v1/templates/" + createTemplate(), List.of(),
                    lastEtag, true, 0);
            case "revokeToken" -> new Scene("/api/v1/admin/tokens/" + issueToken(), List.of(), null, true, 204);
            case "listCheckpoints", "createCheckpoint" -> fixed("/api/v1/audit/checkpoints");
            case "replayProjection" -> new Scene("/api/v1/admin/projections/corpus-no-such-projection/replay",
                    List.of(), null, false, 404);
            case "listProjections" -> fixed("/api/v1/admin/projections");
            case "subscribeByEmail" -> fixed("/api/public/v1/subscriptions");
            case "listEmailSubscriptions" -> fixed("/api/v1/admin/subscriptions");
            case "exportEmailSubscription" -> fixed("/api/v1/admin/subscriptions/" + emailSubscription());
            case "eraseEmailSubscription" -> new Scene("/api/v1/admin/subscriptions/" + emailSubscription(), List.of(),
                    null, true, 204);
            case "statuspageSummary" -> fixed("/api/v2/summary.json");
            case "statuspageStatus" -> fixed("/api/v2/status.json");
            case "statuspageUpcomingMaintenances" -> fixed("/api/v2/scheduled-maintenances/upcoming.json");
            case "statuspageActiveMaintenances" -> fixed("/api/v2/scheduled-maintenances/active.json");
            case "statuspageScheduledMaintenances" -> fixed("/api/v2/scheduled-maintenances.json");
            case "statuspageUnresolvedIncidents" -> fixed("/api/v2/incidents/unresolved.json");
            case "statuspageIncidents" -> fixed("/api/v2/incidents.json");
            case "statuspageComponents" -> fixed("/api/v2/components.json");
            case "incidentMetricsSummary" -> new Scene("/api/v1/metrics/incidents", List.of("from="
                    + Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS), "to="
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS)), null, false, 200);
            case "incidentMetrics" -> fixed("/api/v1/incidents/" + sharedIncident + "/metrics");
            case "events" -> fixed("/api/v1/incidents/" + sharedIncident + "/events");
            case "verifyAuditChain" -> fixed("/api/v1/audit/verify");
            case "auditSummaryAsOf" -> new Scene("/api/v1/audit/summary", List.of("asOf=" + Instant.now()), null,
                    false, 200);
            case "auditPublicKey" -> fixed("/api/v1/audit/public-key");
            case "auditPublicViewAsOf" -> new Scene("/api/v1/audit/incidents/" + sharedIncident + "/public-view",
                    List.of("asOf=" + Instant.now()), null, false, 200);
            case "exportAudit" -> new Scene("/api/v1/audit/export", List.of("fromPosition=1", "toPosition=2"), null,
                    false, 200);
            case "auditEvents" -> new Scene("/api/v1/audit/events", List.of("limit=5"), null, false, 200);
            case "publicMaintenance" -> fixed("/api/public/v1/maintenances/" + sharedMaintenance);
            case "publicIncident" -> fixed("/api/public/v1/incidents/" + sharedIncident);
            case "responderIncidents" -> fixed("/api/v1/incidents");
            case "responderIncident" -> fixed("/api/v1/incidents/" + sharedIncident);
            case "catalogueComponents" -> fixed("/api/v1/components");
            case "retire" -> {
                // a fresh component each time: a retirement is a one-way step
                JsonNode definition = body("define");
                post("/api/v1/components", definition);
                yield new Scene("/api/v1/components/" + definition.get("id").asText() + "/retirement", List.of(),
                        lastEtag, true, 0);
            }
            case "latestCheckpoint" -> {
                ApiClient.Response signed = api.call("POST", "/api/v1/audit/checkpoints").as(TOKEN).send();
                if (signed.status() / 100 != 2) {
                    throw new IllegalStateException("the corpus could not sign a checkpoint: " + signed);
                }
                yield fixed("/api/v1/audit/checkpoints/latest");
            }
            // with no continuity failure on the node, the valid request is answered 409 and accepts nothing
            case "acceptAuditContinuityFailure" -> new Scene("/api/v1/admin/audit/continuity/acceptance",
                    List.of("reason=checkpoint-lost", "position=1"), null, false, 409);
            default -> throw new IllegalStateException("the corpus has no seed for the operation " + operation
                    + "; add its valid request to Seeds");
        };
    }

    /** What an accepted case leaves that would work on: a registered subscriber would be sent every change. */
    public void cleanUp(String operation, RawHttp.Response response) {
        if (operation.equals("registerSubscriber")) {
            try {
                String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("id").asText();
                api.call("DELETE", "/api/v1/subscribers/" + id).as(TOKEN).send();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Operations that create what they name: an If-Match cannot match anything yet. */
    public static boolean creates(String operation) {
        return operation.equals("declare") || operation.equals("scheduleMaintenance")
                || operation.equals("createTemplate");
    }

    private Scene fixed(String path) {
        return new Scene(path, List.of(), null, false, 0);
    }

    private Scene onIncident(String incident, String suffix) {
        return new Scene("/api/v1/incidents/" + incident + suffix, List.of(), lastEtag, true, 0);
    }

    private Scene onMaintenance(String maintenance, String suffix) {
        return new Scene("/api/v1/maintenances/" + maintenance + suffix, List.of(), lastEtag, true, 0);
    }

    private String lastEtag;

    private String declareIncident() {
        Map<String, Object> body = new LinkedHashMap<>();
        String id = unique("corpus-i");
        body.put("id", id);
        body.put("updateId", "u1");
        body.put("title", "Checkout fails for some customers");
        body.put("locale", "en");
        body.put("impact", "minor");
        body.put("status", "investigating");
        body.put("message", "We are investigating failed checkouts.");
        body.put("visibility", "public");
        body.put("components", Map.of(component, "degraded_performance"));
        body.put("occurredAt", Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS).toString());
        post("/api/v1/incidents", body);
        return id;
    }

    private String resolvedIncident() {
        String incident = declareIncident();
        post("/api/v1/incidents/" + incident + "/updates", update("u2", "resolved"));
        return incident;
    }

    private static Map<String, Object> update(String updateId, String status) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("updateId", updateId);
        update.put("status", status);
        update.put("message", "Status " + status + ".");
        update.put("visibility", "public");
        return update;
    }

    private String scheduleMaintenance() {
        JsonNode body = body("scheduleMaintenance");
        post("/api/v1/maintenances", body);
        return body.get("id").asText();
    }

    private String issueToken() {
        return post("/api/v1/admin/tokens", body("issueToken")).json().get("name").asText();
    }

    private String createTemplate() {
        return post("/api/v1/templates", body("createTemplate")).json().get("name").asText();
    }

    /** A pending email subscription, found by its address through the admin list. */
    private String emailSubscription() {
        JsonNode body = body("subscribeByEmail");
        post("/api/public/v1/subscriptions", body);
        String email = body.get("email").asText();
        ApiClient.Response listed = api.get("/api/v1/admin/subscriptions?email=" + email).as(TOKEN).send();
        return listed.json().at("/subscriptions/0/id").asText();
    }

    private String registerSubscriber() {
        return post("/api/v1/subscribers", body("registerSubscriber")).json().get("id").asText();
    }

    private ApiClient.Response post(String path, Object body) {
        return send("POST", path, body);
    }

    private ApiClient.Response send(String method, String path, Object body) {
        ApiClient.Response response = api.call(method, path).as(TOKEN).json(body).send();
        if (response.status() < 200 || response.status() >= 300) {
            throw new IllegalStateException("the corpus could not set its scene: " + method + " " + path + " -> "
                    + response);
        }
        lastEtag = response.header("ETag");
        return response;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
