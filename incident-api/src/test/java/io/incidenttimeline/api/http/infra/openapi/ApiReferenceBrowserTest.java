package io.incidenttimeline.api.http.infra.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Chromium;
import io.incidenttimeline.api.support.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API reference as a newcomer opens it, anonymously, in Debian's chromium: Swagger UI (from the webjar in the
 * build, nothing downloaded) loads its configuration and the public description, and renders the operations.
 * Runs in the Maven profile {@code browser}; leaves a screenshot in {@code target/screenshots}.
 */
class ApiReferenceBrowserTest extends ApiIntegrationTest {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    private Chromium chromium;

    @BeforeEach
    void start() throws IOException {
        chromium = new Chromium(profile);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theApiReferenceRendersThePublicOperationsForAnAnonymousReader() throws IOException {
        ChromeDriver browser = chromium.browser();
        browser.get("http://localhost:" + port + "/api-reference.html");

        List<WebElement> operations = Eventually.until(() -> browser.findElements(By.cssSelector(".opblock-summary-path")),
                found -> found.size() >= 8 || browser.getPageSource().contains("Failed to load"),
                "Swagger UI renders the operations");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("Failed to load").doesNotContain("Fetch error");
        assertThat(operations).extracting(WebElement::getText).contains("/api/v2/summary.json", "/api/v1/audit/public-key")
                .noneMatch(path -> path.startsWith("/api/v1/incidents"));
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).startsWith("Incident Timeline API");
        assertThat(browser.findElements(By.cssSelector(".topbar select option"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("public", "complete (admin token)");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "api-reference.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(chromium.severeConsoleMessages()).as("no failed request, no script error").isEmpty();
    }
}
