package io.incidenttimeline.api.storage;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default keeps its H2 database inside {@code incident.data-dir}. H2 refuses paths relative to the
 * working directory unless spelled {@code ./}, so the directory is made absolute here. A configured
 * {@code spring.datasource.url} (PostgreSQL in production) is left alone. This runs once the configuration files,
 * the environment and the command line are read; properties added later (a test's dynamic properties) must set the
 * URL themselves. {@code WRITE_DELAY=0} writes every commit to the file before the commit returns: with H2's default
 * (500 ms) a kill -9 lost commands that had been acknowledged (measured: 928 acknowledged, 763 stored).
 * {@code MAX_LENGTH_INPLACE_LOB} keeps payloads and documents up to 32 KiB in their rows: H2 stores larger LOBs apart,
 * and with its default (256 bytes) every event and read-model document went through that separate LOB storage on
 * each write and read (measured: 3-6 times slower inserts, docs/benchmarks.md). Larger values are still stored.
 */
public class EmbeddedDatabaseLocation implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";
    /** The settings of every embedded H2 database: the default's, and the tests'. */
    public static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=32768";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(URL)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("incident.data-dir", "./data")).toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dataDir.resolve("incident-timeline") + SETTINGS;
        environment.getPropertySources().addLast(new MapPropertySource("embeddedDatabaseLocation", Map.of(URL, url)));
    }
}
