package io.incidenttimeline.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.Eventually;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a reader of the status page sees of one incident while a responder works in the console: the public JSON
 * ({@code /api/public/v1/incidents/{id}}, over HTTP, checked against the API description) and the HTML page
 * ({@code /incidents/{id}}) in a tab of its own in the responder's browser, which is closed again afterwards.
 * <p>
 * The public view follows the event store asynchronously, so the JSON is polled until it shows what the step expects;
 * the page is opened only then (before the first projection it would be a 404, which the browser logs as an error).
 */
final class PublicIncidentPage {

    /** One update as the page shows it: its status label's class, its text, whether it says "edited". */
    record Update(String status, String body, boolean edited) {
    }

    /** The page as read: its facts, updates newest first, the post-mortem section's text (null without one). */
    record Seen(JsonNode json, String title, String status, List<Update> updates, String postMortem,
                List<String> remediation, String text, String source) {

        List<String> bodies() {
            return updates.stream().map(Update::body).toList();
        }
    }

    private final ChromeDriver browser;
    private final ApiClient api;
    private final String base;

    PublicIncidentPage(ChromeDriver browser, ApiClient api, String base) {
        this.browser = browser;
        this.api = api;
        this.base = base;
    }

    /**
     * Waits until the public JSON of the incident satisfies {@code expected}, then reads the HTML page in a new tab
     * (reloading until the page shows the same updates as the JSON) and returns to the console's tab.
     */
    Seen once(String incidentId, Predicate<JsonNode> expected, String what) {
        JsonNode json = Eventually.until(() -> api.get("/api/public/v1/incidents/" + incidentId).send(),
                response -> response.status() == 200 && expected.test(response.json()),
                "the public JSON of " + incidentId + ": " + what).json();
        String console = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(base + "/incidents/" + incidentId);
            return Eventually.until(() -> read(json), seen -> seen.updates().size() == json.get("updates").size(),
                    "the public page of " + incidentId + " as its JSON: " + what);
        } finally {
            browser.close();
            browser.switchTo().window(console);
        }
    }

    private Seen read(JsonNode json) {
        if (browser.findElements(By.cssSelector("ol.updates")).isEmpty()) {
            browser.navigate().refresh();
        }
        List<Update> updates = browser.findElements(By.cssSelector("ol.updates > li")).stream().map(item -> new Update(
                statusOf(item.findElement(By.cssSelector(".update__status .tag"))),
                shownText(item.findElement(By.cssSelector(".update__body"))),
                !item.findElements(By.cssSelector(".edited")).isEmpty())).toList();
        List<WebElement> postMortem = browser.findElements(By.cssSelector("section.postmortem"));
        Seen seen = new Seen(json, browser.findElement(By.tagName("h1")).getText(),
                statusOf(browser.findElement(By.cssSelector("dl.facts [class*='status-tag--']"))), updates,
                postMortem.isEmpty() ? null : postMortem.get(0).getText(),
                browser.findElements(By.cssSelector("ul.remediation > li")).stream().map(WebElement::getText).toList(),
                browser.findElement(By.tagName("body")).getText(), browser.getPageSource());
        if (seen.updates().size() != json.get("updates").size()) {
            browser.navigate().refresh();
        }
        return seen;
    }

    /**
     * The text as the browser lays it out for the reader ({@code innerText}: the line breaks the page's
     * {@code white-space: pre-line} keeps), which WebDriver's own text would fold into spaces.
     */
    static String shownText(WebElement element) {
        return element.getDomProperty("innerText");
    }

    /** The status a label shows, from its class ({@code tag status-tag--resolved}), whatever the page's language. */
    private static String statusOf(WebElement tag) {
        for (String name : tag.getAttribute("class").split("\\s+")) {
            if (name.startsWith("status-tag--")) {
                return name.substring("status-tag--".length());
            }
        }
        throw new AssertionError("no status on " + tag.getAttribute("outerHTML"));
    }
}
