package io.incidenttimeline.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.ServerSessions;
import io.incidenttimeline.api.support.Sha256;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import org.apache.catalina.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * What a console session keeps on the server and when it ends there: only the token's hash, asked about again on
 * every request; the configured timeout; expiry after it.
 */
class ConsoleSessionLifetimeTest extends ApiIntegrationTest {

    private static final String TOKEN_HASH = "incident.console.token-sha256";

    @LocalServerPort
    private int port;

    @Autowired
    private ServletWebServerApplicationContext application;

    private ServerSessions sessions;

    @BeforeEach
    void tomcat() {
        sessions = new ServerSessions(application);
    }

    @Test
    void theSessionKeepsTheTokensHashAndNeitherTheTokenNorASavedAuthentication() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        browser.get("/console");

        Session session = sessions.find(browser.sessionId());

        assertThat(session).isNotNull();
        var attributes = Collections.list(session.getSession().getAttributeNames());
        assertThat(attributes).contains(TOKEN_HASH).doesNotContain("SPRING_SECURITY_CONTEXT");
        assertThat(HexFormat.of().formatHex((byte[]) session.getSession().getAttribute(TOKEN_HASH)))
                .isEqualTo(Sha256.hex(ApiClient.RESPONDER));
        for (String name : attributes) {
            assertThat(String.valueOf(session.getSession().getAttribute(name))).as(name)
                    .doesNotContain(ApiClient.RESPONDER);
        }
    }

    @Test
    void everyRequestAsksAboutTheTokenAgainSoOneNoLongerValidEndsTheSessionAtOnce() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        assertThat(browser.get("/console").status()).isEqualTo(200);
        Session session = sessions.find(browser.sessionId());

        // what revoking the token does to this session's hash: it no longer names a valid token
        session.getSession().setAttribute(TOKEN_HASH, HexFormat.of().parseHex(Sha256.hex("revoked-token")));
        var next = browser.get("/console");

        assertThat(next.status()).as(next.toString()).isEqualTo(303);
        assertThat(next.location()).isEqualTo("/console/sign-in");
        assertThat(sessions.find(session.getId())).as("ended on the server").isNull();
    }

    @Test
    void aTokenRevokedAtRunTimeLosesConsoleAccessAtItsNextRequest() {
        String name = ApiClient.uniqueId("console-revoked");
        var issued = api.post("/api/v1/admin/tokens").as(ApiClient.ADMIN)
                .json(Map.of("name", name, "role", "responder")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        ConsoleClient browser = new ConsoleClient(port).signIn(token);
        assertThat(browser.get("/console").body()).contains(name);
        String session = browser.sessionId();

        var revoked = api.call("DELETE", "/api/v1/admin/tokens/" + name).as(ApiClient.ADMIN).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        var next = browser.get("/console");

        assertThat(next.status()).as(next.toString()).isEqualTo(303);
        assertThat(next.location()).isEqualTo("/console/sign-in");
        assertThat(sessions.find(session)).as("ended on the server").isNull();
        browser.get("/console/sign-in");
        assertThat(browser.post("/console/sign-in", ConsoleClient.Form.of("token", token)).status()).isEqualTo(401);
    }

    @Test
    void aSessionLastsTheConfiguredThirtyMinutesWithoutARequest() {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.AUDITOR);

        assertThat(sessions.find(browser.sessionId()).getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void anExpiredSessionsCookieLeadsBackToSignIn() throws InterruptedException {
        ConsoleClient browser = new ConsoleClient(port).signIn(ApiClient.RESPONDER);
        assertThat(browser.get("/console").status()).isEqualTo(200);
        Session session = sessions.find(browser.sessionId());

        // this session only: a second instead of the configured 30 minutes, then more than two seconds without a request
        session.setMaxInactiveInterval(1);
        Thread.sleep(2100);
        var after = browser.get("/console/incidents/new");

        assertThat(after.status()).as(after.toString()).isEqualTo(303);
        assertThat(after.location()).isEqualTo("/console/sign-in?next=%2Fconsole%2Fincidents%2Fnew");
        assertThat(sessions.find(session.getId())).isNull();
    }
}
