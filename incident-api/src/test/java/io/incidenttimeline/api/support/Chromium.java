package io.incidenttimeline.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver, both named explicitly so that Selenium Manager
 * (which would download them) never runs: checked in Selenium's own log, as {@code ReferenceIncidentBrowserTest} does.
 */
public final class Chromium implements AutoCloseable {

    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private final Logger seleniumLog = Logger.getLogger("org.openqa.selenium");
    private final Messages messages = new Messages();
    private final ChromeDriverService service;
    private final ChromeDriver browser;

    public Chromium(Path profile) throws IOException {
        seleniumLog.setLevel(Level.FINE);
        seleniumLog.addHandler(messages);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BINARY).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(profile.resolve("chromium")),
                "--lang=en-US", "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(service, options);
        // Debian's /usr/bin/chromedriver may be a link to /usr/lib/chromium/chromedriver, which Selenium resolves
        String driver = Path.of(DRIVER).toRealPath().toString();
        assertThat(Path.of(service.getExecutable()).toRealPath()).hasToString(driver);
        assertThat(messages.messages).as("Selenium found the driver it was given and never ran Selenium Manager, "
                        + "which would download drivers and browsers")
                .contains("org.openqa.selenium.remote.service.DriverFinder: Skipping Selenium Manager, path to "
                        + "chromedriver specified in Service class: " + driver)
                .noneMatch(message -> message.startsWith("org.openqa.selenium.manager."));
    }

    public ChromeDriver browser() {
        return browser;
    }

    /** The console's errors so far: failed requests, script errors, CSP violations. */
    public List<String> severeConsoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        seleniumLog.removeHandler(messages);
        browser.quit();
        service.stop();
    }

    private static final class Messages extends Handler {

        final List<String> messages = new CopyOnWriteArrayList<>();

        Messages() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getLoggerName() + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
