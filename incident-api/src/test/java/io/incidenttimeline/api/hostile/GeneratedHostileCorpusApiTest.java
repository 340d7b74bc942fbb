package io.incidenttimeline.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.hostile.corpus.CorpusRun;
import io.incidenttimeline.api.hostile.corpus.HostileCase;
import io.incidenttimeline.api.hostile.corpus.Operation;
import io.incidenttimeline.api.hostile.corpus.Seeds;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hostile corpus generated from the OpenAPI description the application serves: every body field of every
 * operation against every JSON type, bound, format and broken string; whole bodies that are not one strict JSON value;
 * every header with every byte class; every query parameter out of type and range, and unknown ones. Each case is a
 * valid request with one thing changed. None may be a 5xx, none that breaks the contract may be accepted, and a refusal
 * is a problem naming what it is about that stored nothing (event store head, public ETags, subscribers).
 */
class GeneratedHostileCorpusApiTest extends ApiIntegrationTest {

    private static final int AT_LEAST = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void noGeneratedHostileRequestIsAServerErrorNorAcceptedWhenInvalidNorStoresAnythingWhenRefused() throws IOException {
        JsonNode description = description();
        Seeds seeds = new Seeds(api);
        seeds.defineComponents();
        CorpusRun run = new CorpusRun(port, seeds, new JdbcTemplate(dataSource));
        Map<Operation, List<HostileCase>> corpus = new LinkedHashMap<>();
        for (Operation operation : Operation.all(description)) {
            corpus.put(operation, CorpusRun.generate(description, operation, seeds));
        }
        corpus.forEach(run::run);

        String summary = run.summary();
        System.out.println(summary);
        Path report = Path.of("target", "hostile-corpus-failures.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, run.failures());
        assertThat(run.cases()).as("size of the generated corpus").isGreaterThanOrEqualTo(AT_LEAST);
        assertThat(run.failures()).as(run.failures().size() + " of " + run.cases() + " generated hostile requests "
                + "failed (all listed in " + report.toAbsolutePath() + ")\n" + summary).isEmpty();
    }

    /** The first request builds the description, which can outlast a request's timeout on a busy machine. */
    private JsonNode description() {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.get("/v3/api-docs/complete").as(Seeds.TOKEN).send().json();
            } catch (java.io.UncheckedIOException timedOut) {
                if (attempt == 3) {
                    throw timedOut;
                }
            }
        }
    }
}
