package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Chromium;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front page on a desktop, a tablet and a phone in Debian's chromium (Maven profile {@code browser}): fewer days
 * of the uptime bars on narrower screens, with the caption of the days shown; the history and the zone picker
 * followed by clicking, no script needed. With {@code -Dpage.screenshots=<dir>} ({@code scripts/page-screenshots}) it
 * saves the README's pictures of the page on a desktop and on a phone.
 */
class StatusPageBrowserTest extends ApiIntegrationTest {

    static final String SCREENSHOTS = "page.screenshots";

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    private Chromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws IOException {
        ReferenceIncidentFixture.loadAndProject(api);
        chromium = new Chromium(profile);
        browser = chromium.browser();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void narrowerScreensShowFewerDaysWithTheCaptionOfTheDaysShown() throws IOException {
        viewport(1280, 900, false);
        browser.get(base() + "/");
        assertThat(visibleDays()).isEqualTo(90);
        assertThat(visibleCaption()).containsPattern("uptime (over the last 90 days|since )");
        save("status-page-desktop.png");

        viewport(800, 1000, false);
        browser.navigate().refresh();
        assertThat(visibleDays()).isEqualTo(60);
        assertThat(visibleCaption()).containsPattern("60 days ago|since ").doesNotContain("90");

        viewport(390, 844, true);
        browser.navigate().refresh();
        assertThat(visibleDays()).isEqualTo(30);
        assertThat(visibleCaption()).containsPattern("30 days ago|since ").doesNotContain("90").doesNotContain("60 days");
        Number dayWidth = (Number) browser.executeScript("return document.querySelector('ol.uptime__bar > li:last-child')"
                + ".getBoundingClientRect().width");
        assertThat(dayWidth.doubleValue()).as("a day is no hairline on a phone").isGreaterThan(5);
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("nothing wider than the phone").isLessThanOrEqualTo(0);
        save("status-page-phone.png");
        assertThat(chromium.severeConsoleMessages()).as("no console errors, no CSP violations").isEmpty();
    }

    @Test
    void theReferenceIncidentIsFoundThroughTheHistoryAndTheZonePickerWorksWithoutScript() {
        viewport(1280, 900, false);
        browser.get(base() + "/");
        browser.findElement(By.cssSelector("p.history-link a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Incident history");
        browser.findElement(By.cssSelector("section.archive a[href$='month=2024-07']")).click();
        browser.findElement(By.linkText("Call recordings unavailable for some Talk customers")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + ReferenceIncidentFixture.ID);

        browser.findElement(By.cssSelector("a.zone-change")).click();
        assertThat(browser.findElements(By.cssSelector("#tz optgroup"))).hasSizeGreaterThanOrEqualTo(9);
        browser.findElement(By.cssSelector("#tz option[value='Europe/Berlin']")).click();
        browser.findElement(By.cssSelector("form.zone-picker button")).submit();
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + ReferenceIncidentFixture.ID);
        assertThat(browser.findElement(By.cssSelector("p.zone-note")).getText()).contains("Europe/Berlin");
        assertThat(chromium.severeConsoleMessages()).isEmpty();
    }

    private long visibleDays() {
        return ((Number) browser.executeScript("return [...document.querySelector('ol.uptime__bar').children]"
                + ".filter(day => getComputedStyle(day).display !== 'none').length")).longValue();
    }

    private String visibleCaption() {
        return (String) browser.executeScript("return [...document.querySelector('figure.uptime').querySelectorAll("
                + "'.uptime__caption')].filter(c => getComputedStyle(c).display !== 'none').map(c => c.innerText)"
                + ".join(' | ')");
    }

    /** The page's viewport, as a device would have it (the window's frame does not count). */
    private void viewport(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
    }

    private void save(String name) throws IOException {
        String directory = System.getProperty(SCREENSHOTS, "");
        if (directory.isBlank()) {
            return;
        }
        Path target = Path.of(directory).toAbsolutePath();
        Files.createDirectories(target);
        Files.write(target.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
