package io.incidenttimeline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation the API describes, called by every kind of caller. The expected matrix is written out here, not
 * derived from the rules the application enforces, so each checks the other: public reads are open, commands need a
 * responder, responders' reads a responder or an auditor, audits an auditor, administration an admin, an admin may do everything, and nothing else is allowed.
 */
class AccessMatrixApiTest extends ApiIntegrationTest {

    private enum Caller { ANONYMOUS, RESPONDER, AUDITOR, ADMIN }

    private static final Map<Caller, String> TOKENS = Map.of(Caller.RESPONDER, ApiClient.RESPONDER,
            Caller.AUDITOR, ApiClient.AUDITOR, Caller.ADMIN, "hostile-secret");

    private record Rule(Pattern operation, Set<Caller> allowed) {
    }

    private static final List<Rule> EXPECTED = List.of(
            rule("GET /(|incidents/[^/]+|history|history\\.atom|history\\.rss|time-zones?|badge\\.svg|assets/status\\.css|subscribe)",
                    Caller.values()),
            rule("POST /subscribe", Caller.values()),
            rule("(GET|POST) /subscriptions/(confirm|manage|unsubscribe)", Caller.values()),
            rule("POST /api/public/v1/subscriptions", Caller.values()),
            rule("GET /api/v2/.*", Caller.values()),
            rule("GET /api/public/.*", Caller.values()),
            rule("GET /api/v1/audit/public-key", Caller.values()),
            rule("GET /v3/api-docs(/public)?", Caller.values()),
            rule("GET /actuator/health", Caller.values()),
            rule("POST /api/v1/audit/checkpoints", Caller.ADMIN),
            rule("[A-Z]+ /api/v1/audit/.*", Caller.AUDITOR, Caller.ADMIN),
            rule("GET /api/v1/incidents(/[^/]+)?", Caller.RESPONDER, Caller.AUDITOR, Caller.ADMIN),
            rule("GET /api/v1/incidents/[^/]+/(events|metrics)", Caller.RESPONDER, Caller.AUDITOR, Caller.ADMIN),
            rule("GET /api/v1/components", Caller.RESPONDER, Caller.AUDITOR, Caller.ADMIN),
            rule("POST /api/v1/components/[^/]+/retirement", Caller.ADMIN),
            rule("GET /api/v1/metrics/.*", Caller.RESPONDER, Caller.AUDITOR, Caller.ADMIN),
            rule("GET /api/v1/templates(/[^/]+)?", Caller.RESPONDER, Caller.AUDITOR, Caller.ADMIN),
            rule("(POST|GET) /api/v1/admin/tokens", Caller.ADMIN),
            rule("DELETE /api/v1/admin/tokens/[^/]+", Caller.ADMIN),
            rule("[A-Z]+ /api/v1/admin/.*", Caller.ADMIN),
            rule("POST /api/v1/components", Caller.ADMIN),
            rule("[A-Z]+ /api/v1/subscribers(/.*)?", Caller.ADMIN),
            rule("POST /api/v1/maintenances(/[^/]+/(updates|start|complete|cancel))?", Caller.RESPONDER, Caller.ADMIN),
            rule("PUT /api/v1/incidents/[^/]+/lifecycle/[^/]+", Caller.RESPONDER, Caller.ADMIN),
            rule("(PUT|DELETE) /api/v1/incidents/[^/]+/roles/[^/]+", Caller.RESPONDER, Caller.ADMIN),
            rule("GET /v3/api-docs/complete", Caller.ADMIN),
            rule("GET /actuator/(prometheus|metrics)", Caller.ADMIN),
            rule("[A-Z]+ /api/v1/.*", Caller.RESPONDER, Caller.ADMIN));

    @Test
    void everyOperationIsOpenToExactlyTheCallersItShouldBe() {
        List<String> operations = new ArrayList<>(List.of("GET /v3/api-docs", "GET /v3/api-docs/public",
                "GET /v3/api-docs/complete", "GET /actuator/health", "GET /actuator/prometheus", "GET /actuator/metrics",
                // the HTML status page and its feeds are not part of the API description
                "GET /", "GET /incidents/matrix-x", "GET /history.atom", "GET /history.rss", "GET /time-zone",
                "GET /assets/status.css", "GET /history", "GET /time-zones", "GET /badge.svg", "GET /subscribe",
                "POST /subscribe", "GET /subscriptions/confirm", "POST /subscriptions/confirm",
                "GET /subscriptions/manage", "POST /subscriptions/manage", "GET /subscriptions/unsubscribe",
                "POST /subscriptions/unsubscribe"));
        JsonNode paths = api.get("/v3/api-docs/complete").as(ApiClient.ADMIN).send().json().get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var path = it.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    operations.add(method.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "matrix-x")));
        }
        assertThat(operations).hasSizeGreaterThan(35);
        assertThat(operations).as("templates are responders' work").contains("POST /api/v1/templates",
                "GET /api/v1/templates", "GET /api/v1/templates/matrix-x", "PUT /api/v1/templates/matrix-x",
                "DELETE /api/v1/templates/matrix-x", "POST /api/v1/templates/matrix-x/render");
        assertThat(operations).as("personal tokens are administration").contains("POST /api/v1/admin/tokens",
                "GET /api/v1/admin/tokens", "DELETE /api/v1/admin/tokens/matrix-x");
        assertThat(operations).as("lifecycle times are a responder's command").contains(
                "PUT /api/v1/incidents/matrix-x/lifecycle/matrix-x");

        List<String> wrong = new ArrayList<>();
        for (String operation : operations) {
            Set<Caller> allowed = expected(operation);
            for (Caller caller : Caller.values()) {
                int status = call(operation, caller);
                boolean refused = status == 401 || status == 403;
                if (allowed.contains(caller) == refused || (refused && caller == Caller.ANONYMOUS && status != 401)) {
                    wrong.add(operation + " as " + caller + " -> " + status + " (expected "
                            + (allowed.contains(caller) ? "allowed" : caller == Caller.ANONYMOUS ? "401" : "403") + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int call(String operation, Caller caller) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        ApiClient.Call call = api.call(method, path);
        if (caller != Caller.ANONYMOUS) {
            call.as(TOKENS.get(caller));
        }
        if (!method.equals("GET")) {
            call.rawJson("{}");
        }
        try {
            return call.send().status();
        } catch (AssertionError undocumentedButIrrelevantHere) {
            // the contract check has its own tests; here only the status matters
            return Integer.parseInt(undocumentedButIrrelevantHere.getMessage().replaceAll("(?s).*? -> (\\d{3}) .*", "$1"));
        }
    }

    private static Set<Caller> expected(String operation) {
        return EXPECTED.stream().filter(rule -> rule.operation().matcher(operation).matches()).findFirst()
                .map(Rule::allowed).orElseThrow(() -> new AssertionError("no expectation for " + operation));
    }

    private static Rule rule(String operation, Caller... allowed) {
        return new Rule(Pattern.compile(operation), Set.of(allowed));
    }
}
