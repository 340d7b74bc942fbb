package io.incidenttimeline.api.maintenance;

import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Maintenances start and complete on their own at their windows' edges (deadlines, looked for every half second in the
 * tests), unless they opt out, and repeated looks for maintenances without deadlines never store a transition twice.
 * Maintenances scheduled before there were deadlines get theirs at start-up.
 */
class MaintenanceAutoTransitionApiTest extends ApiIntegrationTest {

    private static final Duration WINDOW = Duration.ofSeconds(2);

    @Autowired
    EventStore eventStore;

    @Autowired
    MaintenanceAutoTransitions transitions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aShortWindowStartsAndCompletesOnItsOwnWhileOptedOutStepsWaitForAResponder() {
        String component = uniqueId("auto-db");
        Incidents.defineComponent(api, component, "Database " + component, "Automatic", 40);
        Instant from = Instant.now();
        Instant until = from.plus(WINDOW);
        String automatic = schedule(component, from, until, null, null);
        String manualStart = schedule(component, from, until, false, null);
        String manualCompletion = schedule(component, from, until, null, false);

        Eventually.until(() -> types(automatic), types -> types.contains("MaintenanceCompleted"),
                "the maintenance started and completed on its own");
        List<DomainEventMessage<?>> events = events(automatic);
        assertThat(types(automatic)).containsExactly("MaintenanceScheduled", "MaintenanceStarted", "MaintenanceCompleted");
        assertThat(((MaintenanceStarted) events.get(1).getPayload()).occurredAt()).as("started once its window began")
                .isAfterOrEqualTo(from);
        assertThat(((MaintenanceCompleted) events.get(2).getPayload()).occurredAt()).as("completed once its window ended")
                .isAfterOrEqualTo(until);
        for (DomainEventMessage<?> event : events.subList(1, 3)) {
            assertThat(event.getMetaData()).containsEntry("actor", "maintenance-scheduler")
                    .containsEntry("channel", "scheduler").containsEntry("role", "system");
        }
        JsonNode completed = Eventually.until(() -> api.get("/api/v2/scheduled-maintenances.json").send().json()
                        .get("scheduled_maintenances"),
                list -> MaintenanceApiTest.ids(list).contains(automatic)
                        && MaintenanceApiTest.find(list, automatic).get("status").asText().equals("completed"),
                "the maintenance shown completed");
        assertThat(MaintenanceApiTest.find(completed, automatic).get("incident_updates")).extracting(u -> u.get("body").asText())
                .containsExactly("The scheduled maintenance has been completed.",
                        "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
                        "A short one.");

        Eventually.until(() -> types(manualCompletion), types -> types.contains("MaintenanceStarted"),
                "the maintenance that completes by hand started on its own");
        // more looks for maintenances without deadlines past the window's end (as other nodes take) change nothing
        transitions.scheduleMissingDeadlines();
        transitions.scheduleMissingDeadlines();
        assertThat(types(manualStart)).containsExactly("MaintenanceScheduled");
        assertThat(types(manualCompletion)).containsExactly("MaintenanceScheduled", "MaintenanceStarted");
        assertThat(types(automatic)).hasSize(3);
        JsonNode components = Eventually.until(() -> api.get("/api/v2/components.json").send().json(),
                json -> MaintenanceApiTest.componentStatus(json, component).equals("under_maintenance"),
                "the component under maintenance while the hand-completed one runs");
        assertThat(MaintenanceApiTest.componentStatus(components, component)).isEqualTo("under_maintenance");

        assertThat(api.post("/api/v1/maintenances/" + manualStart + "/cancel").as(RESPONDER).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/maintenances/" + manualCompletion + "/complete").as(RESPONDER).send().status())
                .isEqualTo(200);
        Eventually.until(() -> api.get("/api/v2/components.json").send().json(),
                json -> MaintenanceApiTest.componentStatus(json, component).equals("operational"),
                "the component operational once every maintenance ended");
    }

    @Test
    void aMaintenanceScheduledBeforeThereWereDeadlinesStartsAndCompletesOnceItGetsThemAtStartUp() {
        String component = uniqueId("auto-old");
        Incidents.defineComponent(api, component, "Database " + component, "Automatic", 40);
        Instant from = Instant.now().plusSeconds(4);
        String earlier = schedule(component, from, from.plus(WINDOW), null, null);
        // as in a store from before the deadlines: the maintenance was scheduled, no deadline was
        jdbc.update("DELETE FROM scheduled_tasks");
        Eventually.until(() -> api.get("/api/v2/scheduled-maintenances/upcoming.json").send().json()
                        .get("scheduled_maintenances"), list -> MaintenanceApiTest.ids(list).contains(earlier),
                "the maintenance in the maintenance view");

        transitions.scheduleMissingDeadlines();

        Eventually.until(() -> types(earlier), types -> types.contains("MaintenanceCompleted"),
                "the maintenance started and completed on its own");
        List<DomainEventMessage<?>> events = events(earlier);
        assertThat(types(earlier)).containsExactly("MaintenanceScheduled", "MaintenanceStarted", "MaintenanceCompleted");
        assertThat(((MaintenanceStarted) events.get(1).getPayload()).occurredAt()).as("started once its window began")
                .isAfterOrEqualTo(from);
        for (DomainEventMessage<?> event : events.subList(1, 3)) {
            assertThat(event.getMetaData()).containsEntry("actor", "maintenance-scheduler")
                    .containsEntry("channel", "scheduler");
        }
    }

    private String schedule(String component, Instant from, Instant until, Boolean autoStart, Boolean autoComplete) {
        String id = uniqueId("mnt-auto");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", "Automatic maintenance");
        body.put("message", "A short one.");
        body.put("components", List.of(component));
        body.put("scheduledFor", from.toString());
        body.put("scheduledUntil", until.toString());
        if (autoStart != null) {
            body.put("autoStart", autoStart);
        }
        if (autoComplete != null) {
            body.put("autoComplete", autoComplete);
        }
        var response = api.post("/api/v1/maintenances").as(RESPONDER).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    private List<DomainEventMessage<?>> events(String maintenanceId) {
        return eventStore.readEvents(MaintenanceIds.aggregateId(maintenanceId), 0L).asStream()
                .<DomainEventMessage<?>>map(e -> e).toList();
    }

    private List<String> types(String maintenanceId) {
        return events(maintenanceId).stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }
}
