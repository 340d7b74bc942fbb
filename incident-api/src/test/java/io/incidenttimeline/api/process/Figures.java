package io.incidenttimeline.api.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What the process tests measured, printed and kept in target/process-it/figures.txt for the record. */
final class Figures {

    private Figures() {
    }

    static void report(String test, String line) {
        String text = test + ": " + line;
        System.out.println(text);
        try {
            Path file = Path.of("target", "process-it", "figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
