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

    @LocalServerPort
    private int port;

    protected ApiClient api;

    /**
     * The embedded database location is derived from {@code incident.data-dir} before test properties exist, so the
     * test names the database URL itself; without it every run shared ./data and saw the previous runs' events.
     */
    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("incident.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:" + DATA_DIR.resolve("incident-timeline") + ";DB_CLOSE_ON_EXIT=FALSE");
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
