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
 * Every picture has the same size ({@link #VIEWPORT}), so they line up in the README.
 */
final class ConsoleScreenshots {

    static final String PROPERTY = "console.screenshots";
    /** What every picture shows: the page's viewport, not counting the window's own frame. */
    static final Dimension VIEWPORT = new Dimension(1280, 900);

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

    /** Sizes the window so that its page shows {@link #VIEWPORT}, whether pictures are taken or not. */
    static void fitViewport(ChromeDriver browser) {
        browser.manage().window().setSize(VIEWPORT);
        Number width = (Number) browser.executeScript("return window.innerWidth");
        Number height = (Number) browser.executeScript("return window.innerHeight");
        browser.manage().window().setSize(new Dimension(2 * VIEWPORT.width - width.intValue(),
                2 * VIEWPORT.height - height.intValue()));
    }

    /** Saves what the window shows now as {@code name}; does nothing unless asked for. */
    void save(ChromeDriver browser, String name) throws IOException {
        if (directory == null) {
            return;
        }
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
