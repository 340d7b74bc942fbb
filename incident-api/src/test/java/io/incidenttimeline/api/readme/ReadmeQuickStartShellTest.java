package io.incidenttimeline.api.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's quick start, run as a newcomer runs it: its shell block, unchanged, in bash with curl, against the
 * running application. Needs bash and curl, so it runs in the Maven profile {@code shell} that .ci/run enables.
 */
class ReadmeQuickStartShellTest extends ApiIntegrationTest {

    private static final Pattern PAGE = Pattern.compile("Open (\\S+/incidents/(\\S+)) and ");

    @LocalServerPort
    private int port;

    @Test
    void theQuickStartDeclaresUpdatesAndResolvesAnIncidentThatThePageThenShowsResolved() throws Exception {
        String block = Readme.firstBlock(Readme.section("## Quick start"), "sh");

        var shell = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block).redirectErrorStream(true);
        shell.environment().put("BASE", "http://localhost:" + port);
        shell.environment().put("TOKEN", ApiClient.ADMIN);
        Process process = shell.start();
        String output = read(process);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the quick start finished").isTrue();
        assertThat(process.exitValue()).as("exit status of the quick start; it printed:%n%s", output).isZero();

        Matcher page = PAGE.matcher(output);
        assertThat(page.find()).as("the quick start names the page to open; it printed:%n%s", output).isTrue();
        String id = page.group(2);
        assertThat(output).contains("\"incidentId\":\"" + id + "\"");

        var html = Eventually.until(() -> api.get("/incidents/" + id).header("Accept", "text/html").send(),
                r -> r.status() == 200 && r.body().contains("Pages load normally again."), "the resolved incident page");
        assertThat(html.body()).contains("Slow page loads", "We are looking into slow page loads.",
                "A cache node failed; traffic is moving to the others.", "Resolved");
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
