package io.incidenttimeline.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.ConsoleClient.Form;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in to the console with a personal token, and what the session keeps. */
class ConsoleSignInTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    private ConsoleClient browser;

    @BeforeEach
    void open() {
        browser = new ConsoleClient(port);
    }

    @Test
    void aRightTokenSignsInUnderANewSessionIdAndTheListNamesThePersonAndTheirRole() {
        browser.get("/console/sign-in");
        String before = browser.sessionId();
        assertThat(before).as("the sign-in form's CSRF token lives in a session").isNotNull();

        var answer = browser.post("/console/sign-in", Form.of("token", ApiClient.RESPONDER));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(303);
        assertThat(answer.location()).endsWith("/console");
        assertThat(browser.sessionId()).as("session fixation: a new id at sign-in").isNotEqualTo(before);
        var list = browser.get("/console");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).contains("test-responder").contains(">responder<").contains("Sign out")
                .contains("href=\"/console/incidents/new\"");
        String signedIn = browser.sessionId();
        browser.get("/console");
        assertThat(browser.sessionId()).as("the id stays for the session's life").isEqualTo(signedIn);
        assertThat(browser.withSessionCookie(before).get("/console").status())
                .as("the id from before sign-in is worth nothing").isEqualTo(303);
    }

    @Test
    void aWrongTokenAnswers401WithTheFormAndTheMessageNextToTheField() {
        browser.get("/console/sign-in");

        var answer = browser.post("/console/sign-in", Form.of("token", "not-a-token"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.body()).contains("id=\"token-problem\"").contains("This token is not valid")
                .contains("aria-invalid=\"true\"").doesNotContain("not-a-token");
        assertThat(browser.get("/console").status()).isEqualTo(303);
    }

    @Test
    void aConsolePageAskedForWithoutSessionLeadsToSignInAndBackThereAfterwards() {
        var answer = browser.get("/console/incidents/some-incident?tab=updates");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(303);
        assertThat(answer.location()).isEqualTo("/console/sign-in?next=%2Fconsole%2Fincidents%2Fsome-incident%3Ftab%3Dupdates");
        var form = browser.get(answer.location());
        assertThat(form.body()).contains("name=\"next\" value=\"/console/incidents/some-incident?tab=updates\"");
        var signedIn = browser.post("/console/sign-in", Form.of("token", ApiClient.AUDITOR,
                "next", "/console/incidents/some-incident?tab=updates"));
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.location()).isEqualTo("/console/incidents/some-incident?tab=updates");
    }

    @Test
    void signInSendsNoOneToAnotherOrigin() {
        for (String next : new String[] {"//evil.example/console", "https://evil.example/console", "/\\evil.example",
                "/console/..//evil.example", "/console%2F%2Fevil.example", "/status"}) {
            ConsoleClient fresh = new ConsoleClient(port);
            fresh.get("/console/sign-in");
            var signedIn = fresh.post("/console/sign-in", Form.of("token", ApiClient.AUDITOR, "next", next));
            assertThat(signedIn.status()).as(next).isEqualTo(303);
            assertThat(signedIn.location()).as(next).isEqualTo("/console");
        }
    }

    @Test
    void aRefusedSingleSignOnComesBackToTheSignInPageWithWhatWentWrong() {
        var page = browser.get("/console/sign-in?error=sso-no-role");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sso-problem\"").contains("your account has no role in this console")
                .contains("name=\"token\"");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        var form = browser.get("/console/sign-in");

        String cookie = form.headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .as("Secure only over TLS, which Tomcat decides per request").doesNotContain("Secure");
    }

    @Test
    void consolePagesCarryTheStrictContentSecurityPolicyAndAreNeverCached() {
        browser.signIn(ApiClient.AUDITOR);

        for (var page : new ConsoleClient.Page[] {browser.get("/console"), browser.get("/console/sign-in?next=/console"),
                new ConsoleClient(port).get("/console/sign-in")}) {
            assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'none'; script-src 'self'; "
                    + "style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
            assertThat(page.header("Cache-Control")).contains("no-store");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }
}
