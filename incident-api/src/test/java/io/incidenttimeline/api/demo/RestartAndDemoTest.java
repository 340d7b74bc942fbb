package io.incidenttimeline.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.IncidentTimelineApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data across restarts, and the demo profile loads the reference incident once.
 * These start their own application instances on one data directory, which the shared test context cannot do.
 */
class RestartAndDemoTest {

    @TempDir
    Path dataDir;

    @Test
    void theDemoProfileLoadsTheReferenceIncidentOnceAndItSurvivesRestarts() throws Exception {
        List<String> firstRun;
        try (var app = start("demo")) {
            firstRun = stream(app);
        }
        assertThat(firstRun).containsExactly("IncidentDeclared", "UpdatePosted", "LifecycleTimeRecorded",
                "LifecycleTimeRecorded", "LifecycleTimeRecorded", "ImpactWindowRecorded", "LifecycleTimeRecorded",
                "UpdatePosted", "IncidentResolved", "UpdatePosted", "PostMortemPublished", "TranslationAdded");
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString()))
                .contains("incident-timeline.mv.db", "admin-token");

        try (var app = start("demo")) {
            assertThat(stream(app)).as("started twice, loaded once").isEqualTo(firstRun);
        }
        try (var app = start("default")) {
            assertThat(stream(app)).as("read back without the demo profile").isEqualTo(firstRun);
        }
    }

    private ConfigurableApplicationContext start(String profile) {
        return new SpringApplicationBuilder(IncidentTimelineApplication.class)
                .run("--spring.profiles.active=" + profile, "--incident.data-dir=" + dataDir, "--server.port=0");
    }

    private static List<String> stream(ConfigurableApplicationContext app) {
        return app.getBean(EventStore.class).readEvents(ReferenceIncident.INCIDENT_ID, 0L).asStream()
                .map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
    }
}
