package io.incidenttimeline.api.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.incidenttimeline.api.IncidentTimelineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need a real SMTP server: GreenMail in this JVM on one port fixed for the one application
 * context every subclass shares, which sends through it ({@code spring.mail.host}). The context has databases of its
 * own (the shared context's mail dispatcher would otherwise send these mails as files), and its page URL is https,
 * as a public page's is. A test may stop the server (a connection refused) or put a scripted one on its port, and
 * must start GreenMail again before it ends ({@link #restartGreenMail()}).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = IncidentTimelineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class GreenMailApiTest {

    public static final String PAGE_URL = "https://status.example.test";
    /** Subscription requests one client address may make per hour in this context. */
    public static final int REQUESTS_PER_CLIENT = 12;
    /** Where this context mails promise reminders ({@code incident.reminders.mail-to}). */
    public static final String REMINDERS_TO = "responders@example.test";
    protected static final int SMTP_PORT = freePort();
    private static final Path DATA_DIR = createDataDir();
    private static final Map<String, String> DATABASES = databases();
    private static GreenMail greenMail = startGreenMail();

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        Map<String, String> properties = new LinkedHashMap<>(DATABASES);
        properties.put("incident.data-dir", DATA_DIR.toString());
        properties.put("incident.page.url", PAGE_URL);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(SMTP_PORT));
        properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "2000");
        properties.put("spring.mail.properties.mail.smtp.timeout", "2000");
        properties.put("incident.subscriptions.requests-per-client-per-hour", String.valueOf(REQUESTS_PER_CLIENT));
        properties.put("incident.reminders.mail-to", REMINDERS_TO);
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    protected static GreenMail greenMail() {
        return greenMail;
    }

    protected static void stopGreenMail() {
        greenMail.stop();
    }

    protected static void restartGreenMail() {
        greenMail.stop();
        greenMail = startGreenMail();
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    /** On two busy cores a start can outlast GreenMail's 2 s, and a port just closed may take a moment to be free. */
    private static GreenMail startGreenMail() {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            ServerSetup setup = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(15_000);
            GreenMail server = new GreenMail(setup);
            try {
                server.start();
                return server;
            } catch (IllegalStateException notYet) {
                failure = notYet;
                server.stop();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
        throw failure;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> databases() {
        if (TestDatabase.postgres()) {
            return TestDatabase.createPostgresDatabase();
        }
        FreshDatabases h2 = new FreshDatabases(DATA_DIR);
        Map<String, String> properties = new LinkedHashMap<>(h2.create("incident-timeline").as("spring.datasource"));
        properties.putAll(h2.create("read-store").as("incident.read-store.datasource"));
        return properties;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("incident-timeline-smtp-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
