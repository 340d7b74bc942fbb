package io.incidenttimeline.api.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

class CookieAuthorizationRequestsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T19:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final CookieAuthorizationRequests requests = new CookieAuthorizationRequests(clock);

    private static final class MovingClock extends Clock {

        private Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theRequestComesBackFromItsCookieForItsOwnState() {
        String cookie = saved(requests, authorization("state-1"));

        OAuth2AuthorizationRequest loaded = requests.loadAuthorizationRequest(callback(cookie, "state-1"));

        assertThat(loaded).isNotNull();
        assertThat(loaded.getState()).isEqualTo("state-1");
        assertThat(loaded.<String>getAttribute("code_verifier")).isEqualTo("verifier");
    }

    @Test
    void anotherStateAChangedCookieOrAnotherNodesCookieIsNoRequest() {
        String cookie = saved(requests, authorization("state-1"));
        int dot = cookie.indexOf('.');
        char changed = cookie.charAt(dot - 1) == 'A' ? 'B' : 'A';
        String tampered = cookie.substring(0, dot - 1) + changed + cookie.substring(dot);
        CookieAuthorizationRequests otherNode = new CookieAuthorizationRequests(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(requests.loadAuthorizationRequest(callback(cookie, "state-2"))).isNull();
        assertThat(requests.loadAuthorizationRequest(callback(tampered, "state-1"))).isNull();
        assertThat(requests.loadAuthorizationRequest(callback("no-signature", "state-1"))).isNull();
        assertThat(otherNode.loadAuthorizationRequest(callback(cookie, "state-1"))).isNull();
    }

    @Test
    void aCookieOlderThanItsLifetimeIsNoRequest() {
        String cookie = saved(requests, authorization("state-1"));
        clock.now = NOW.plus(CookieAuthorizationRequests.LIFETIME);
        assertThat(requests.loadAuthorizationRequest(callback(cookie, "state-1"))).as("at its end").isNotNull();

        clock.now = NOW.plus(CookieAuthorizationRequests.LIFETIME).plusSeconds(1);
        assertThat(requests.loadAuthorizationRequest(callback(cookie, "state-1"))).isNull();
    }

    @Test
    void removingTheRequestClearsTheCookieAndLeavesTheRequestForTheSuccessHandler() {
        String cookie = saved(requests, authorization("state-1"));
        MockHttpServletRequest callback = callback(cookie, "state-1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        OAuth2AuthorizationRequest removed = requests.removeAuthorizationRequest(callback, response);

        assertThat(removed).isNotNull();
        assertThat(callback.getAttribute(CookieAuthorizationRequests.REMOVED)).isSameAs(removed);
        assertThat(response.getHeader("Set-Cookie")).startsWith(CookieAuthorizationRequests.COOKIE + "=;")
                .contains("Max-Age=0");
    }

    private static String saved(CookieAuthorizationRequests requests, OAuth2AuthorizationRequest authorization) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        requests.saveAuthorizationRequest(authorization, new MockHttpServletRequest("GET", "/oauth2/authorization/idp"),
                response);
        String header = response.getHeader("Set-Cookie");
        assertThat(header).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/login/oauth2/");
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    private static MockHttpServletRequest callback(String cookie, String state) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/idp");
        request.setParameter("state", state);
        request.setParameter("code", "the-code");
        request.setCookies(new Cookie(CookieAuthorizationRequests.COOKIE, cookie));
        return request;
    }

    private static OAuth2AuthorizationRequest authorization(String state) {
        return OAuth2AuthorizationRequest.authorizationCode().authorizationUri("https://idp.example/authorize")
                .clientId("console").redirectUri("https://console.example/login/oauth2/code/idp").state(state)
                .attributes(attributes -> attributes.put("code_verifier", "verifier")).build();
    }
}
