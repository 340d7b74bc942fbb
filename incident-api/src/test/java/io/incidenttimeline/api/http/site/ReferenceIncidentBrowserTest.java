package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Chromium;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reference incident in a real browser: Debian's chromium, headless, driven through Debian's chromedriver, both
 * named explicitly, so Selenium Manager (which would download them) never runs: the test checks Selenium's own log
 * for it. Runs in the Maven profile {@code browser}; leaves screenshots in {@code target/screenshots}.
 */
class ReferenceIncidentBrowserTest extends ApiIntegrationTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
        assertThat(browser.getCapabilities().getBrowserName()).isEqualTo("chrome");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theReferenceIncidentReadsInGermanInLosAngelesTimeNewestFirstWithTheDisclaimer() throws IOException {
        browser.get(base() + "/incidents/" + ReferenceIncidentFixture.ID + "?lang=de&tz=America/Los_Angeles");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Anrufaufzeichnungen für einige Talk-Kunden nicht verfügbar");
        WebElement disclaimer = browser.findElement(By.cssSelector("aside.disclaimer"));
        assertThat(disclaimer.getText()).contains("Hinweis zur Übersetzung").contains("maschinell übersetzt")
                .contains("Maßgeblich ist die Originalfassung auf Englisch");
        assertThat(disclaimer.findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("/incidents/" + ReferenceIncidentFixture.ID + "?lang=en&tz=America/Los_Angeles");
        assertThat(disclaimer.getCssValue("background-color")).as("the stylesheet applies under the CSP")
                .isEqualTo("rgba(255, 248, 197, 1)");

        List<WebElement> updates = browser.findElements(By.cssSelector("ol.updates > li"));
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).getText()).startsWith("Behoben").contains("Die Änderungen wurden erfolgreich")
                .contains("2024-07-05 13:52 UTC · 2024-07-05 06:52 PDT");
        assertThat(updates.get(1).getText()).startsWith("Ursache erkannt")
                .contains("2024-07-05 13:31 UTC · 2024-07-05 06:31 PDT").doesNotContain("eingehalten");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("PST")
                .contains("Ursachenanalyse").contains("Behebung");
        assertThat(browser.findElement(By.cssSelector("section.postmortem .when")).getText())
                .as("the post-mortem's publication in the reader's zone too")
                .isEqualTo("Veröffentlicht 2024-07-10 09:00 UTC · 2024-07-10 02:00 PDT");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).containsIgnoringCase("Betroffene Regionen")
                .contains("several pods").contains("2 Std. 42 Min.");
        assertThat(browser.findElement(By.cssSelector("nav.languages")).getText())
                .contains("English (Original)").contains("Deutsch (maschinelle Übersetzung)");
        screenshot("reference-incident-de.png");
        assertThat(chromium.severeConsoleMessages()).as("no console errors, no CSP violations").isEmpty();

        browser.findElement(By.cssSelector("a.zone-change")).click();
        browser.findElement(By.cssSelector("#tz option[value='Europe/Berlin']")).click();
        browser.findElement(By.cssSelector("form.zone-picker button")).submit();
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + ReferenceIncidentFixture.ID + "?lang=de");
        assertThat(browser.findElements(By.cssSelector("ol.updates > li")).get(0).getText())
                .as("the zone picker's cookie applies without a tz in the address")
                .contains("2024-07-05 13:52 UTC · 2024-07-05 15:52 CEST");
    }

    @Test
    void theFrontPageShowsComponentsWithUptimeBars() throws IOException {
        browser.get(base() + "/");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector(".banner__text")).getText()).isNotBlank();
        List<WebElement> bars = browser.findElements(By.cssSelector("ol.uptime__bar"));
        assertThat(bars).isNotEmpty();
        assertThat(bars.get(0).findElements(By.tagName("li"))).hasSize(90);
        assertThat(bars.get(0).getSize().getHeight()).as("the bar is drawn").isGreaterThan(10);
        assertThat(browser.findElement(By.cssSelector(".uptime__caption--90")).getText())
                .containsPattern("uptime (over the last 90 days|since .+)");
        screenshot("status-page.png");
        assertThat(chromium.severeConsoleMessages()).isEmpty();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) throws IOException {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.min(height.intValue() + 100, 6000)));
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
