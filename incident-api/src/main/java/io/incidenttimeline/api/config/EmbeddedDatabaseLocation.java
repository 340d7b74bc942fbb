package io.incidenttimeline.api.config;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The embedded default keeps its H2 database inside {@code incident.data-dir}. H2 refuses paths relative to the
 * working directory unless spelled {@code ./}, so the directory is made absolute. The URL is worked out when it is
 * read, not when the application starts, so it follows {@code incident.data-dir} from wherever that is set (test
 * properties included). A configured {@code spring.datasource.url} (PostgreSQL in production) always wins.
 */
public class EmbeddedDatabaseLocation implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new EmbeddedUrl(environment));
    }

    private static final class EmbeddedUrl extends PropertySource<Environment> {

        EmbeddedUrl(Environment environment) {
            super("embeddedDatabaseLocation", environment);
        }

        @Override
        public Object getProperty(String name) {
            if (!URL.equals(name)) {
                return null;
            }
            Path dataDir = Path.of(getSource().getProperty("incident.data-dir", "./data")).toAbsolutePath().normalize();
            return "jdbc:h2:file:" + dataDir.resolve("incident-timeline") + ";DB_CLOSE_ON_EXIT=FALSE";
        }
    }
}
