package io.incidenttimeline.api.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The README's pictures of the console, saved only when the system property {@value #PROPERTY} names a directory
 * ({@code scripts/console-screenshots} sets it to {@code docs/images}), so that an ordinary run never rewrites them.
 * Every picture has the same window size, so they line up in the README.
 */
final class ConsoleScreenshots {

    static final String PROPERTY = "console.screenshots";
    static final Dimension WINDOW = new Dimension(1280, 900);

    private final Path directory;

    private ConsoleScreenshots(Path directory) {
        this.directory = directory;
    }

    static ConsoleScreenshots asConfigured() {
        String directory = System.getProperty(PROPERTY, "");
        return new ConsoleScreenshots(directory.isBlank() ? null : Path.of(directory).toAbsolutePath());
    }

    boolean enabled() {
        return directory != null;
    }

    /** Saves what the window shows now as {@code name}, at {@link #WINDOW}; does nothing unless asked for. */
    void save(ChromeDriver browser, String name) throws IOException {
        if (directory == null) {
            return;
        }
        if (!browser.manage().window().getSize().equals(WINDOW)) {
            browser.manage().window().setSize(WINDOW);
        }
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
