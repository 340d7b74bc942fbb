package io.incidenttimeline.api.support;

import io.incidenttimeline.api.IncidentTimelineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a real port, with the real event store in an H2 file in a
 * fresh directory, or in a fresh PostgreSQL database under the Maven profile {@code postgres}. Every subclass shares
 * this one configuration and therefore one cached application context; tests keep apart by using their own ids.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = IncidentTimelineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class ApiIntegrationTest {

    private static final Path DATA_DIR = createDataDir();
    private static final Map<String, String> DATABASE = TestDatabase.postgres()
            ? TestDatabase.createPostgresDatabase() : TestDatabase.h2In(DATA_DIR);


    @LocalServerPort
    private int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("incident.data-dir", DATA_DIR::toString);
        DATABASE.forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("incident-timeline-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
