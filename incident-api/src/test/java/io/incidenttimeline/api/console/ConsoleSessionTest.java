package io.incidenttimeline.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.ConsoleClient.Form;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** How a console session ends: sign-out, on the server. */
class ConsoleSessionTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void signOutEndsTheSessionOnTheServerSoTheOldCookieNoLongerWorks() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        String session = browser.sessionId();
        assertThat(browser.get("/console").body()).contains("Sign out");

        var signedOut = browser.post("/console/sign-out", new Form());

        assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(303);
        assertThat(signedOut.location()).isEqualTo("/console/sign-in?signed-out");
        assertThat(browser.get(signedOut.location()).body()).contains("You are signed out.");
        var replayed = browser.withSessionCookie(session).get("/console");
        assertThat(replayed.status()).as("the old session cookie, presented again").isEqualTo(303);
        assertThat(replayed.location()).isEqualTo("/console/sign-in");
    }

    @Test
    void signOutWithoutTheFormsCsrfTokenIsRefusedAndTheSessionLives() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);

        var forged = browser.postWithCsrf("/console/sign-out", new Form(), null);

        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(browser.get("/console").status()).isEqualTo(200);
    }

    @Test
    void anUnknownConsoleAddressIsTheConsoles404PageNotTheApisJson() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        var missing = browser.get("/console/no-such-page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("There is no console page at this address").contains("Sign out");
    }

    @Test
    void anUnknownQueryParameterIsTheConsoles400Page() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        var bad = browser.get("/console?incidentId=x");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("text/html");
        assertThat(bad.body()).contains("incidentId is not a parameter");
    }
}
