package io.incidenttimeline.api.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.FreshDatabases;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReadModels;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import io.incidenttimeline.projections.responder.ResponderViewProjection;
import io.incidenttimeline.projections.support.ReadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read store V31 put the component history into the public view's processing group and the incident metrics into the
 * responder view's. Before, the component history had a processor and a token of its own and could be behind the
 * public view when the application stopped. The migration drops the groups' tokens, so the group's processor goes
 * through the store again from its start: what a read model had applied is skipped, what it had not is applied now.
 */
class ProcessingGroupUpgradeApiTest extends ApiIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @ReadStore
    JdbcTemplate readStore;

    @Test
    void theMigrationsTokenDropLetsTheGroupCatchUpALaggingReadModelAndChangesNothingTwice() {
        String component = ApiClient.uniqueId("grouped");
        Incidents.defineComponent(api, component, "Grouped component", "Upgrade group", 10);
        String incident = ApiClient.uniqueId("lagging");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "components",
                Map.of(component, "major_outage")));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Fixed"), "components",
                Map.of(component, "operational")));
        ReadModels.awaitCaughtUp(api);
        String publicIncident = api.get("/api/public/v1/incidents/" + incident).send().body();
        List<Map<String, Object>> intervals = intervals(incident);
        assertThat(intervals).isNotEmpty();

        // the migration runs before the processors start
        List<StreamingEventProcessor> processors = List.of(PublicViewProjection.NAME, ResponderViewProjection.NAME)
                .stream().map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                .toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            // the component history as a processor of its own left it when it had not reached this incident yet
            readStore.update("DELETE FROM component_status_interval WHERE incident_id = ?", incident);
            readStore.update("DELETE FROM component_history_incident WHERE incident_id = ?", incident);
            readStore.update("DELETE FROM projection_progress WHERE projection = 'component-history' "
                    + "AND aggregate_id = ?", incident);
            migrationStatements().forEach(readStore::update);
            assertThat(readStore.queryForObject("SELECT COUNT(*) FROM TokenEntry WHERE processorName = ?", Long.class,
                    PublicViewProjection.NAME)).isZero();
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
        ReadModels.awaitCaughtUp(api);

        assertThat(intervals(incident)).isEqualTo(intervals);
        assertThat(api.get("/api/public/v1/incidents/" + incident).send().body()).isEqualTo(publicIncident);
        assertThat(api.get("/api/public/v1/incidents/" + incident).send().json().get("updates")).hasSize(2);
    }

    private List<Map<String, Object>> intervals(String incident) {
        return readStore.queryForList("SELECT component_id, status, started_at, ended_at FROM component_status_interval "
                + "WHERE incident_id = ? AND generation = (SELECT active_generation FROM projection_generation "
                + "WHERE projection = 'component-history') ORDER BY ordinal", incident);
    }

    /** The statements of the migration itself, for the database under test. */
    private static List<String> migrationStatements() {
        String vendor = FreshDatabases.postgres() ? "postgresql" : "h2";
        String path = "/db/read-store/" + vendor + "/V31__processing_groups_by_audience.sql";
        try (var in = ProcessingGroupUpgradeApiTest.class.getResourceAsStream(path)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
