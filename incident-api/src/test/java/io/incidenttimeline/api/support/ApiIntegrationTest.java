package io.incidenttimeline.api.support;

import io.incidenttimeline.api.IncidentTimelineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a real port, with the real event store in an H2 file in a
 * fresh directory. Every subclass shares this one configuration and therefore one cached application context; tests
 * keep apart by using their own incident ids.
 */
@SpringBootTest(classes = IncidentTimelineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class ApiIntegrationTest {

    private static final Path DATA_DIR = createDataDir();

    static {
        // A system property, not only a dynamic one: EmbeddedDatabaseLocation derives the H2 URL from the data
        // directory while the environment is prepared, before @DynamicPropertySource values exist. Without this the
        // database landed in ./data and outlived the run (keys generated in DATA_DIR did not).
        System.setProperty("incident.data-dir", DATA_DIR.toString());
    }

    @LocalServerPort
    private int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("incident.data-dir", DATA_DIR::toString);
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
