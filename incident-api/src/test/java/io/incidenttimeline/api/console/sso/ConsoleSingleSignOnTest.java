package io.incidenttimeline.api.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.IncidentTimelineApplication;
import io.incidenttimeline.api.console.sso.CrossSiteBrowser.Page;
import io.incidenttimeline.api.console.sso.OpenIdProvider.Person;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.FreshDatabases;
import io.incidenttimeline.api.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on to the console through a real OpenID Connect provider (Spring Authorization Server, see
 * {@link OpenIdProvider}), driven over HTTP as a browser would: the console's sign-in page, the provider's login form,
 * the redirect back with a code, the session. This needs an application context of its own, which is unavoidable:
 * the {@code spring.security.oauth2.client.*} registration must name a provider that is already running when the
 * application starts (Spring Boot reads the provider's discovery document then), and the shared context has none.
 * So the provider starts first, once for the class, then this context, on a fresh H2 file or, under the Maven profile
 * postgres, fresh PostgreSQL databases; the context is closed after the class.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = IncidentTimelineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsoleSingleSignOnTest {

    static final String REGISTRATION = "test-idp";
    private static final String APP_HOST = "127.0.0.1";

    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");
    private static final Pattern SIGNED_IN_AS = Pattern.compile("<strong[^>]*class=\"whoami__name\"[^>]*>([^<]*)</strong>");
    private static final Pattern ROLE = Pattern.compile("class=\"tag whoami__role\"[^>]*>([^<]*)<");
    private static final Path DATA_DIR = createDataDir();
    private static final OpenIdProvider PROVIDER = OpenIdProvider.start();

    @LocalServerPort
    private int port;

    private String app;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Map<String, String> properties = new LinkedHashMap<>(databases());
        properties.put("incident.data-dir", DATA_DIR.toString());
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION;
        properties.put(registration + ".client-id", OpenIdProvider.CLIENT_ID);
        properties.put(registration + ".client-secret", OpenIdProvider.CLIENT_SECRET);
        properties.put(registration + ".client-name", "Test Identity Provider");
        properties.put(registration + ".scope", "openid,profile");
        properties.put("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", PROVIDER.issuer());
        properties.put("incident.console.sso.roles.responder", "incident-responders");
        properties.put("incident.console.sso.roles.auditor", "incident-auditors");
        properties.put("incident.console.sso.roles.admin", "platform-admins");
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void registerTheCallback() {
        app = "http://" + APP_HOST + ":" + port;
        PROVIDER.redirectUri(app + "/login/oauth2/code/" + REGISTRATION);
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.close();
    }

    @Test
    void aResponderSignsInAtTheProviderAndTheConsoleKnowsThemByTheirPreferredUsername() {
        CrossSiteBrowser browser = new CrossSiteBrowser();

        Page signInPage = browser.open(app + "/console");
        assertThat(signInPage.uri().getPath()).as(signInPage.toString()).isEqualTo("/console/sign-in");
        assertThat(signInPage.body()).contains("href=\"/oauth2/authorization/" + REGISTRATION + "\"")
                .contains("Sign in with Test Identity Provider");

        Page providerLogin = browser.follow(signInPage, "/oauth2/authorization/" + REGISTRATION);
        assertThat(providerLogin.uri().getHost()).as(providerLogin.toString()).isEqualTo("localhost");
        assertThat(providerLogin.uri().getPath()).isEqualTo("/login");
        assertThat(providerLogin.status()).isEqualTo(200);

        Page landing = browser.submit(providerLogin, "/login", "username", OpenIdProvider.RESPONDER.username(),
                "password", OpenIdProvider.RESPONDER.password());
        assertThat(landing.uri().toString()).as(landing.toString())
                .startsWith(app + "/login/oauth2/code/" + REGISTRATION + "?code=");
        assertThat(landing.status()).isEqualTo(200);

        Page console = browser.refresh(landing);
        assertThat(console.uri().getPath()).as(console.toString()).isEqualTo("/console");
        assertThat(console.status()).isEqualTo(200);
        assertThat(signedInAs(console)).isEqualTo("ada.lovelace as responder");
        assertThat(console.body()).contains("href=\"/console/incidents/new\"");
    }

    /**
     * The console's session cookie is SameSite=Strict, which the browser does not send on the provider's redirect
     * back; what binds that redirect to the sign-in it answers is a Lax cookie sent to the callback path only.
     */
    @Test
    void theSignInIsCarriedByAnHttpOnlyLaxCookieForTheCallbackOnlyAndEndsOnAPageThatMovesOn() {
        CrossSiteBrowser browser = new CrossSiteBrowser();
        Page providerLogin = browser.open(app + "/oauth2/authorization/" + REGISTRATION);

        HttpResponse<String> start = providerLogin.hops().get(0);
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(PROVIDER.issuer() + "/oauth2/authorize?")
                        .contains("code_challenge_method=S256").contains("nonce="));
        assertThat(start.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(CookieAuthorizationRequests.COOKIE + "=").contains("Path=/login/oauth2/")
                .contains("Max-Age=600").contains("HttpOnly").contains("SameSite=Lax"));

        Page landing = browser.submit(providerLogin, "/login", "username", OpenIdProvider.RESPONDER.username(),
                "password", OpenIdProvider.RESPONDER.password());

        assertThat(landing.status()).as(landing.toString()).isEqualTo(200);
        assertThat(landing.header("Cache-Control")).isEqualTo("no-store");
        assertThat(landing.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
                .contains("SameSite=Strict"));
        assertThat(landing.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(CookieAuthorizationRequests.COOKIE + "=;").contains("Max-Age=0"));
        assertThat(browser.hasCookie(APP_HOST, CookieAuthorizationRequests.COOKIE)).isFalse();
        assertThat(landing.body()).contains("<meta http-equiv=\"refresh\" content=\"0;url=/console\">");
    }

    @Test
    void aResponderDeclaresThroughTheConsoleAndTheEventsCarryTheirPreferredUsernameAsActor() {
        CrossSiteBrowser browser = new CrossSiteBrowser();
        Page form = browser.follow(signIn(browser, OpenIdProvider.RESPONDER), "/console/incidents/new");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        Matcher formKey = FORM_KEY.matcher(form.body());
        String title = "Signed in through the provider " + ApiClient.uniqueId("t");

        Page declared = browser.submit(form, "/console/incidents", "title", title, "impact", "minor", "status",
                "investigating", "message", "Looking into it.", "visibility", "internal", "regions", "eu-west",
                "nextUpdateInMinutes", "30", "locale", "en", "formKey", formKey.find() ? formKey.group(1) : "");

        assertThat(declared.hops()).as(declared.toString()).isNotEmpty();
        String location = declared.hops().get(0).headers().firstValue("Location").orElseThrow();
        assertThat(location).as(declared.toString()).startsWith("/console/incidents/inc-");
        String id = location.substring("/console/incidents/".length()).replaceFirst("\\?seen=\\d+$", "");
        var stream = ApiClient.onPort(port).get("/api/v1/incidents/" + id + "/events").as(ApiClient.AUDITOR).send();
        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        JsonNode declaredEvent = stream.json().get("events").get(0);
        assertThat(declaredEvent.at("/payload/title").asText()).isEqualTo(title);
        assertThat(declaredEvent.at("/metadata/actor").asText()).isEqualTo("ada.lovelace");
        assertThat(declaredEvent.at("/metadata/role").asText()).isEqualTo("responder");
        assertThat(declaredEvent.at("/metadata/channel").asText()).isEqualTo("console");
    }

    @Test
    void anAuditorSignsInToAReadOnlyConsole() {
        CrossSiteBrowser browser = new CrossSiteBrowser();
        Page console = signIn(browser, OpenIdProvider.AUDITOR);

        assertThat(console.status()).as(console.toString()).isEqualTo(200);
        assertThat(signedInAs(console)).isEqualTo("grace.hopper as auditor");
        assertThat(console.body()).doesNotContain("href=\"/console/incidents/new\"");
        Page declare = browser.submit(console, "/console/incidents", "title", "An auditor may not declare");
        assertThat(declare.status()).as(declare.toString()).isEqualTo(403);
    }

    @Test
    void someoneInSeveralMappedGroupsGetsTheHighestRole() {
        Page console = signIn(new CrossSiteBrowser(), OpenIdProvider.ADMIN);

        assertThat(signedInAs(console)).as(console.toString()).isEqualTo("linus.t as admin");
    }

    @Test
    void someoneWhoseGroupsMapToNoRoleIsRefusedAndNotSignedIn() {
        CrossSiteBrowser browser = new CrossSiteBrowser();
        Page providerLogin = browser.open(app + "/oauth2/authorization/" + REGISTRATION);

        Page refused = browser.submit(providerLogin, "/login", "username", OpenIdProvider.NOBODY.username(),
                "password", OpenIdProvider.NOBODY.password());

        assertThat(refused.uri().getPath() + "?" + refused.uri().getQuery()).as(refused.toString())
                .isEqualTo("/console/sign-in?error=" + SignInRedirects.NO_ROLE);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"sso-problem\"")
                .contains("You signed in, but your account has no role in this console.");
        Page console = browser.open(app + "/console");
        assertThat(console.uri().getPath()).as("still not signed in: " + console).isEqualTo("/console/sign-in");
    }

    @Test
    void signOutEndsTheSingleSignOnSessionOnTheServer() {
        CrossSiteBrowser browser = new CrossSiteBrowser();
        Page console = signIn(browser, OpenIdProvider.RESPONDER);
        assertThat(console.status()).as(console.toString()).isEqualTo(200);

        Page signedOut = browser.submit(console, "/console/sign-out");

        assertThat(signedOut.uri().getPath()).as(signedOut.toString()).isEqualTo("/console/sign-in");
        assertThat(signedOut.body()).contains("You are signed out.");
        assertThat(browser.hasCookie(APP_HOST, "JSESSIONID")).as("the old session cookie is still presented").isTrue();
        Page again = browser.open(app + "/console");
        assertThat(again.uri().getPath()).as(again.toString()).isEqualTo("/console/sign-in");
    }

    @Test
    void theConsolePageAskedForComesBackAfterSignInButNeverAnotherSite() {
        CrossSiteBrowser browser = new CrossSiteBrowser();
        Page signInPage = browser.open(app + "/console/incidents/new");
        String link = "/oauth2/authorization/" + REGISTRATION + "?next=%2Fconsole%2Fincidents%2Fnew";
        assertThat(signInPage.body()).as(signInPage.toString()).contains("href=\"" + link + "\"");

        Page asked = signIn(browser, link, OpenIdProvider.RESPONDER);
        assertThat(asked.uri().getPath()).as(asked.toString()).isEqualTo("/console/incidents/new");
        assertThat(asked.status()).isEqualTo(200);

        Page elsewhere = signIn(new CrossSiteBrowser(), "/oauth2/authorization/" + REGISTRATION
                + "?next=//evil.example/console", OpenIdProvider.RESPONDER);
        assertThat(elsewhere.uri().toString()).as(elsewhere.toString()).isEqualTo(app + "/console");
    }

    /** Without the sign-in cookie a returning code belongs to no sign-in begun here (a forged or replayed callback). */
    @Test
    void aCallbackWithoutTheSignInItAnswersIsRefused() {
        CrossSiteBrowser browser = new CrossSiteBrowser();
        Page providerLogin = browser.open(app + "/oauth2/authorization/" + REGISTRATION);
        browser.forgetCookiesOf(APP_HOST);

        Page refused = browser.submit(providerLogin, "/login", "username", OpenIdProvider.RESPONDER.username(),
                "password", OpenIdProvider.RESPONDER.password());

        assertThat(refused.uri().getPath() + "?" + refused.uri().getQuery()).as(refused.toString())
                .isEqualTo("/console/sign-in?error=" + SignInRedirects.FAILED);
        assertThat(refused.body()).contains("Single sign-on did not complete.");
        assertThat(browser.open(app + "/console").uri().getPath()).isEqualTo("/console/sign-in");
    }

    /** Who the console's header says is signed in, and as what. */
    private static String signedInAs(Page page) {
        Matcher name = SIGNED_IN_AS.matcher(page.body());
        Matcher role = ROLE.matcher(page.body());
        assertThat(name.find() && role.find()).as("a signed-in console page: " + page).isTrue();
        return name.group(1) + " as " + role.group(1);
    }

    private Page signIn(CrossSiteBrowser browser, Person person) {
        return signIn(browser, "/oauth2/authorization/" + REGISTRATION, person);
    }

    private Page signIn(CrossSiteBrowser browser, String start, Person person) {
        Page providerLogin = browser.open(app + start);
        Page landing = browser.submit(providerLogin, "/login", "username", person.username(), "password",
                person.password());
        assertThat(landing.status()).as(landing.toString()).isEqualTo(200);
        return browser.refresh(landing);
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
            return Files.createTempDirectory("incident-timeline-sso-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
