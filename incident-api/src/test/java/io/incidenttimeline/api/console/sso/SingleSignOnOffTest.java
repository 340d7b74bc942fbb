package io.incidenttimeline.api.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without {@code spring.security.oauth2.client.registration.*} (the shared test configuration) nothing of it exists. */
class SingleSignOnOffTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private SingleSignOn singleSignOn;

    @Test
    void withoutAProviderTheSignInPageOffersOnlyTheTokenAndNoLoginStartsAnywhere() {
        assertThat(singleSignOn.providers()).isEmpty();
        ConsoleClient browser = new ConsoleClient(port);

        var signIn = browser.get("/console/sign-in");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("name=\"token\"").doesNotContain("/oauth2/authorization/");

        var start = browser.get("/oauth2/authorization/test-idp");
        assertThat(start.status()).as(start.toString()).isEqualTo(404);
        var callback = browser.get("/login/oauth2/code/test-idp?code=c&state=s");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(404);
    }
}
