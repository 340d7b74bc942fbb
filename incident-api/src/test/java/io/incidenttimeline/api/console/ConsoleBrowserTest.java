package io.incidenttimeline.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Chromium;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A responder runs an incident from the console, in Debian's chromium driven through Debian's chromedriver (support
 * {@link Chromium}), signed in with the configured responder token of {@code application-it.yml}: declare, an
 * internal note (with the browser's JavaScript switched off, since the console claims to work without it), an
 * update after its preview, an amendment, resolution, the post-mortem, sign-out. After every step the public page and
 * the public JSON show exactly what the public should see by then, and never the internal note.
 * Runs in the Maven profile {@code browser}; with {@code -Dconsole.screenshots=<dir>} it also saves the README's
 * pictures ({@code scripts/console-screenshots}).
 */
class ConsoleBrowserTest extends ApiIntegrationTest {

    private static final Pattern INCIDENT_PAGE = Pattern.compile("/console/incidents/([^/?#]+)([?#].*)?$");

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    private final ConsoleScreenshots screenshots = ConsoleScreenshots.asConfigured();
    private final List<String> consoleErrors = new ArrayList<>();
    private Chromium chromium;
    private ChromeDriver browser;
    private PublicIncidentPage publicPage;

    @BeforeEach
    void start() throws IOException {
        chromium = new Chromium(profile);
        browser = chromium.browser();
        ConsoleScreenshots.fitViewport(browser);
        publicPage = new PublicIncidentPage(browser, api, base());
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aResponderRunsAnIncidentFromTheConsoleAndThePublicPageFollowsEveryStepButNeverShowsTheInternalNote()
            throws IOException {
        String component = ApiClient.uniqueId("checkout-api");
        Incidents.defineComponent(api, component, "Checkout API", "Payments", 1);
        String title = "Card payments fail for some customers";
        String declared = "We are investigating failed card payments at checkout.";
        String internal = "Internal: the payment provider's on-call is paged, ticket PAY-4821.";
        String identified = "A certificate on the payment gateway expired.\nA renewed one is being rolled out now.";
        String amended = "Some card payments fail at checkout; we are investigating.";
        String resolved = "Card payments work again; failed payments can be retried.";

        signIn(ApiClient.RESPONDER);
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("test-responder");
        assertThat(browser.findElement(By.cssSelector(".whoami__role")).getText()).isEqualTo("responder");
        assertNoConsoleErrors();

        String incident = declare(title, component, declared);
        PublicIncidentPage.Seen seen = publicPage.once(incident, json -> json.get("updates").size() == 1, "declared");
        assertThat(seen.title()).isEqualTo(title);
        assertThat(seen.status()).isEqualTo("investigating");
        assertThat(seen.bodies()).containsExactly(declared);
        assertThat(seen.text()).contains("Payments / Checkout API").contains("Partial outage");
        assertThat(seen.postMortem()).isNull();
        assertThat(seen.json().get("components").get(0).get("status").asText()).isEqualTo("partial_outage");
        assertNoConsoleErrors();

        showsInTheListAsOpen(incident, title);

        postTheInternalNoteWithoutJavaScript(incident, internal);

        String preview = previewAndPost("identified", identified);
        seen = publicPage.once(incident, json -> json.get("updates").size() == 2, "the update posted after its preview");
        assertThat(seen.status()).isEqualTo("identified");
        assertThat(seen.bodies()).containsExactly(identified, declared);
        assertThat(seen.updates().get(0).body()).as("the preview showed the text exactly as the public page shows it")
                .isEqualTo(preview);
        assertStaysInternal(seen, internal);
        assertNoConsoleErrors();

        amend(declared, amended, "clearer for customers");
        seen = publicPage.once(incident, json -> json.get("updates").get(1).get("edited").asBoolean(), "the amendment");
        assertThat(seen.bodies()).containsExactly(identified, amended);
        assertThat(seen.updates().get(1).edited()).as("the page says the update was edited").isTrue();
        assertThat(seen.updates().get(0).edited()).isFalse();
        assertThat(seen.source()).as("the amended text replaces the original on the page").doesNotContain(declared);
        assertStaysInternal(seen, internal);
        assertNoConsoleErrors();

        resolve(component, resolved);
        seen = publicPage.once(incident, json -> "resolved".equals(json.get("status").asText()), "resolved");
        assertThat(seen.status()).isEqualTo("resolved");
        assertThat(seen.bodies()).containsExactly(resolved, identified, amended);
        assertThat(seen.updates().get(0).status()).isEqualTo("resolved");
        assertThat(seen.json().get("components").get(0).get("status").asText()).isEqualTo("operational");
        assertThat(seen.json().get("resolvedAt").isObject()).isTrue();
        assertStaysInternal(seen, internal);
        assertNoConsoleErrors();

        writeThePostMortem("An expired certificate made card payments fail for 40 minutes.",
                "The gateway's certificate was renewed by hand and the reminder went to a retired mailbox.",
                "A renewed certificate was rolled out to every gateway node.", "Renew gateway certificates automatically");
        seen = publicPage.once(incident, json -> json.get("postMortem").isObject(), "the post-mortem");
        assertThat(seen.postMortem()).contains("An expired certificate made card payments fail for 40 minutes.")
                .contains("The gateway's certificate was renewed by hand").contains("A renewed certificate was rolled out");
        assertThat(seen.remediation()).singleElement().asString().contains("Renew gateway certificates automatically")
                .contains("Open");
        assertThat(seen.json().get("postMortem").get("remediation").get(0).get("title").asText())
                .isEqualTo("Renew gateway certificates automatically");
        assertThat(seen.bodies()).containsExactly(resolved, identified, amended);
        assertStaysInternal(seen, internal);
        assertNoConsoleErrors();

        showsInTheListAsResolved(incident, title);

        signOut(incident);
        assertNoConsoleErrors();
    }

    private void signIn(String token) {
        browser.get(base() + "/console");
        assertThat(browser.getCurrentUrl()).as("the console asks to sign in first").endsWith("/console/sign-in");
        WebElement form = browser.findElement(By.id("sign-in"));
        form.findElement(By.name("token")).sendKeys(token);
        navigateBy(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.getCurrentUrl()).endsWith("/console");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Incidents");
    }

    /** Declares through the console's form and returns the id the console gave the incident. */
    private String declare(String title, String component, String message) throws IOException {
        navigateBy(browser.findElement(By.linkText("Declare an incident")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/incidents/new");
        WebElement form = browser.findElement(By.id("declare"));
        form.findElement(By.id("title")).sendKeys(title);
        form.findElement(By.cssSelector("input[name=impact][value=major]")).click();
        choose(form.findElement(By.id("component-" + component)), "partial_outage");
        form.findElement(By.id("message")).sendKeys(message);
        form.findElement(By.cssSelector("input[name=visibility][value=public]")).click();
        WebElement next = form.findElement(By.id("nextUpdateInMinutes"));
        next.clear();
        next.sendKeys("30");
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshots.save(browser, "console-declare.png");
        navigateBy(form.findElement(By.cssSelector("button[type=submit]")));

        Matcher page = INCIDENT_PAGE.matcher(browser.getCurrentUrl());
        assertThat(page.find()).as("the console shows the declared incident, at " + browser.getCurrentUrl()).isTrue();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(timelineBodies()).containsExactly(message);
        return page.group(1);
    }

    private void showsInTheListAsOpen(String incident, String title) throws IOException {
        String page = browser.getCurrentUrl();
        navigateBy(browser.findElement(By.linkText("Incidents")));
        WebElement line = browser.findElement(By.cssSelector("li[data-incident='" + incident + "']"));
        assertThat(line.findElement(By.cssSelector(".incident-line__title")).getText()).isEqualTo(title);
        assertThat(line.getText()).contains("major impact").contains("investigating").contains("public")
                .contains("Checkout API").contains("next update due in");
        screenshots.save(browser, "console-list.png");
        assertNoConsoleErrors();
        browser.get(page);
    }

    /**
     * The console says it is complete without its script: with script execution switched off in this tab, the
     * internal note is previewed (the preview says the public page will not show it) and posted. A script the
     * browser runs in every new document shows that the switch works: it runs before and after, not meanwhile.
     */
    private void postTheInternalNoteWithoutJavaScript(String incident, String internal) {
        String probe = (String) browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "document.addEventListener('DOMContentLoaded', "
                        + "() => document.documentElement.setAttribute('data-scripts-ran', 'yes'))")).get("identifier");
        browser.navigate().refresh();
        assertThat(scriptsRan()).as("scripts run in the page before the switch").isTrue();
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            browser.navigate().refresh();
            assertThat(scriptsRan()).as("no script runs in the page").isFalse();
            WebElement form = updateForm();
            choose(form.findElement(By.id("update-status")), "investigating");
            form.findElement(By.id("update-message")).sendKeys(internal);
            form.findElement(By.cssSelector("input[name=visibility][value=internal]")).click();
            navigateBy(form.findElement(By.cssSelector("button[name=action][value=preview]")));
            assertThat(scriptsRan()).isFalse();
            assertThat(browser.findElement(By.cssSelector("#preview .preview-internal")).getText())
                    .isEqualTo("Not shown on the public page: this update is internal.");
            assertThat(browser.findElements(By.cssSelector("#preview .update__body"))).isEmpty();
            navigateBy(updateForm().findElement(By.cssSelector("button[name=action][value=post]")));
            assertThat(scriptsRan()).isFalse();
            WebElement note = timelineEntry(internal);
            assertThat(note.getAttribute("class")).contains("internal");
            assertThat(note.findElement(By.cssSelector(".tag--internal")).getText()).isEqualTo("internal");
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", probe));
        }
        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).contains("/console/incidents/" + incident);
    }

    private boolean scriptsRan() {
        return "yes".equals(browser.findElement(By.tagName("html")).getAttribute("data-scripts-ran"));
    }

    /** Previews a public update, checks the preview, posts it, and returns the text the preview showed. */
    private String previewAndPost(String status, String message) throws IOException {
        WebElement form = updateForm();
        choose(form.findElement(By.id("update-status")), status);
        form.findElement(By.id("update-message")).sendKeys(message);
        form.findElement(By.cssSelector("input[name=visibility][value=public]")).click();
        navigateBy(form.findElement(By.cssSelector("button[name=action][value=preview]")));

        WebElement preview = browser.findElement(By.id("preview"));
        assertThat(preview.findElement(By.tagName("h3")).getText()).isEqualTo("Preview: the public page will show");
        String shown = PublicIncidentPage.shownText(preview.findElement(By.cssSelector("ol.updates > li .update__body")));
        assertThat(shown).isEqualTo(message);
        assertThat(preview.findElement(By.cssSelector(".update__status .tag")).getAttribute("class"))
                .contains("status-tag--" + status);
        assertThat(updateForm().findElement(By.id("update-message")).getAttribute("value"))
                .as("the form keeps what was previewed").isEqualTo(message);
        assertThat(timelineBodies()).as("a preview stores nothing").doesNotContain(message);
        browser.executeScript("arguments[0].scrollIntoView({block: 'end'})", preview);
        screenshots.save(browser, "console-incident.png");

        navigateBy(updateForm().findElement(By.cssSelector("button[name=action][value=post]")));
        assertThat(timelineBodies().get(0)).isEqualTo(message);
        return shown;
    }

    private void amend(String original, String replacement, String reason) {
        WebElement entry = timelineEntry(original);
        String update = entry.getAttribute("data-update");
        entry.findElement(By.xpath(".//details[summary[normalize-space()='Amend']]/summary")).click();
        WebElement form = entry.findElement(By.cssSelector("form[action$='/amendment']"));
        WebElement text = form.findElement(By.name("message"));
        assertThat(text.getAttribute("value")).as("the form starts from the current text").isEqualTo(original);
        text.clear();
        text.sendKeys(replacement);
        form.findElement(By.name("reason")).sendKeys(reason);
        navigateBy(form.findElement(By.cssSelector("button[type=submit]")));

        WebElement amended = browser.findElement(By.cssSelector("li[data-update='" + update + "']"));
        assertThat(amended.findElement(By.cssSelector(".timeline-update__body")).getDomProperty("textContent").strip())
                .isEqualTo(replacement);
        assertThat(amended.findElement(By.cssSelector(".tag.amended")).getText()).isEqualTo("amended");
        amended.findElement(By.cssSelector("details.history > summary")).click();
        assertThat(amended.findElement(By.cssSelector("details.history .previous")).getText()).isEqualTo(original);
        assertThat(amended.findElement(By.cssSelector("details.history .reason")).getText()).isEqualTo(reason);
    }

    private void resolve(String component, String message) {
        WebElement form = updateForm();
        choose(form.findElement(By.id("update-status")), "resolved");
        form.findElement(By.id("update-message")).sendKeys(message);
        choose(form.findElement(By.id("update-component-" + component)), "operational");
        form.findElement(By.cssSelector("input[name=visibility][value=public]")).click();
        navigateBy(form.findElement(By.cssSelector("button[name=action][value=post]")));
        assertThat(timelineBodies().get(0)).isEqualTo(message);
        assertThat(browser.findElement(By.cssSelector(".incident-head__facts .tag")).getAttribute("class"))
                .contains("status-tag--resolved");
    }

    private void writeThePostMortem(String summary, String rootCause, String resolution, String item) {
        WebElement section = browser.findElement(By.id("postmortem"));
        section.findElement(By.xpath(".//details/summary[normalize-space()='Write the post-mortem']")).click();
        WebElement form = section.findElement(By.cssSelector("form[action$='/postmortem']"));
        form.findElement(By.id("pm-summary")).sendKeys(summary);
        form.findElement(By.id("pm-root-cause")).sendKeys(rootCause);
        form.findElement(By.id("pm-resolution")).sendKeys(resolution);
        form.findElement(By.name("remediation[0].title")).sendKeys(item);
        form.findElement(By.name("remediation[0].owner")).sendKeys("payments team");
        navigateBy(form.findElement(By.cssSelector("button[type=submit]")));

        WebElement published = browser.findElement(By.id("postmortem"));
        assertThat(published.getText()).contains(summary).contains(rootCause).contains(resolution);
        assertThat(published.findElement(By.cssSelector("ul.remediation > li")).getText()).contains(item)
                .contains("(payments team)").contains("open");
    }

    private void showsInTheListAsResolved(String incident, String title) {
        String page = browser.getCurrentUrl();
        navigateBy(browser.findElement(By.linkText("Incidents")));
        assertThat(browser.findElements(By.cssSelector("li[data-incident='" + incident + "']")))
                .as("no longer among the open ones").isEmpty();
        assertThat(browser.findElements(By.cssSelector(".console-incident--resolved a[href='/console/incidents/"
                + incident + "']"))).extracting(WebElement::getText).containsExactly(title);
        browser.get(page);
    }

    private void signOut(String incident) {
        navigateBy(browser.findElement(By.cssSelector("#sign-out button")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in?signed-out");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("You are signed out.");
        assertThat(browser.findElements(By.id("signed-in-as"))).isEmpty();
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();

        browser.get(base() + "/console/incidents/" + incident);
        assertThat(browser.getCurrentUrl()).as("the console asks to sign in again")
                .endsWith("/console/sign-in?next=%2Fconsole%2Fincidents%2F" + incident);
        assertThat(browser.findElements(By.cssSelector("#sign-in input[name=token]"))).hasSize(1);
        browser.get(base() + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and waits until the browser shows that page, so
     * that nothing is read from the page it left.
     */
    private void navigateBy(WebElement element) {
        WebElement left = browser.findElement(By.tagName("html"));
        element.click();
        Eventually.until(() -> isGone(left) && "complete".equals(browser.executeScript("return document.readyState")),
                gone -> gone, "the browser leaves " + browser.getCurrentUrl() + " for the next page");
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    /** Picks the option with {@code value} of a select (a click, as a person picks it). */
    private static void choose(WebElement select, String value) {
        select.findElement(By.cssSelector("option[value='" + value + "']")).click();
    }

    private WebElement updateForm() {
        return browser.findElement(By.id("post-update"));
    }

    /** The texts on the console's timeline, newest first, as stored (whatever the console's styles do to lines). */
    private List<String> timelineBodies() {
        return browser.findElements(By.cssSelector("ol.timeline > li .timeline-update__body")).stream()
                .map(body -> body.getDomProperty("textContent").strip()).toList();
    }

    private WebElement timelineEntry(String text) {
        List<String> bodies = timelineBodies();
        assertThat(bodies).as("the console's timeline").contains(text);
        return browser.findElements(By.cssSelector("ol.timeline > li")).get(bodies.indexOf(text));
    }

    /** The internal note is on no public page, body or JSON, however much later the public view was read. */
    private static void assertStaysInternal(PublicIncidentPage.Seen seen, String internal) {
        assertThat(seen.source()).doesNotContain(internal).doesNotContain("PAY-");
        assertThat(seen.json().toString()).doesNotContain(internal).doesNotContain("PAY-");
        assertThat(StreamSupport.stream(seen.json().get("updates").spliterator(), false).map(JsonNode::toString))
                .noneMatch(update -> update.contains("paged"));
    }

    private void assertNoConsoleErrors() {
        consoleErrors.addAll(chromium.severeConsoleMessages());
        assertThat(consoleErrors).as("no failed request, no script error, no CSP violation").isEmpty();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
