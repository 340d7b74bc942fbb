package io.incidenttimeline.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /console}: open incidents, internal ones included, with their next-update promise counting down. */
class ConsoleIncidentListTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void anOpenInternalIncidentIsListedMarkedInternalWithItsComponentsAndItsCountdown() {
        String component = ApiClient.uniqueId("list-db");
        Incidents.defineComponent(api, component, "Primary database", "Core", 1);
        String id = ApiClient.uniqueId("list-internal");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(id), "title",
                "Replica lag " + id), "visibility", "internal"), "components", Map.of(component, "degraded_performance")),
                "nextUpdateInMinutes", 30));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        String row = Eventually.until(() -> row(browser.get("/console").body(), id), r -> r != null, "the incident's row");

        assertThat(row).contains("Replica lag " + id).contains("href=\"/console/incidents/" + id + "\"")
                .contains(">internal<").contains("Primary database").contains("degraded performance")
                .contains("minor impact").contains(">investigating<")
                .containsPattern("next update due in (29|30) min").doesNotContain("overdue");
    }

    @Test
    void anOverduePromiseIsFlaggedWithHowLongItIsOverdue() {
        String id = ApiClient.uniqueId("list-overdue");
        // declared moments ago (the list shows the newest declarations first, and the shared context holds many)
        Instant justNow = Instant.now().minus(3, ChronoUnit.MINUTES);
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(id), "occurredAt",
                justNow.toString()), "nextUpdateDueAt", justNow.plus(1, ChronoUnit.MINUTES).toString()),
                "title", "Late promise " + id));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);

        String row = Eventually.until(() -> row(browser.get("/console").body(), id), r -> r != null, "the incident's row");

        assertThat(row).contains("console-incident--overdue").containsPattern("overdue by [23] min")
                .contains(">public<");
    }

    @Test
    void aResolvedIncidentMovesToRecentlyResolved() {
        String id = ApiClient.uniqueId("list-resolved");
        Incidents.declare(api, Bodies.with(Bodies.declaration(id), "title", "Resolved one " + id));
        Incidents.post(api, id, Bodies.update("resolved", "Fixed."));
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);

        String page = Eventually.until(() -> browser.get("/console").body(),
                body -> body.indexOf("Resolved one " + id) > body.indexOf("Recently resolved"), "the resolved row");

        assertThat(page.substring(page.indexOf("Recently resolved"))).contains("/console/incidents/" + id);
    }

    @Test
    void anAuditorSeesTheListWithoutTheDeclareLink() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        var page = browser.get("/console");

        assertThat(page.body()).contains("test-auditor").contains(">auditor<").doesNotContain("/console/incidents/new");
    }

    /** The list item of incident {@code id}, or null. */
    static String row(String page, String id) {
        int at = page.indexOf("data-incident=\"" + id + "\"");
        if (at < 0) {
            return null;
        }
        return page.substring(page.lastIndexOf("<li", at), page.indexOf("</li>", at));
    }
}
