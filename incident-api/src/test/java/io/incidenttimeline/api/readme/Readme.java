package io.incidenttimeline.api.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README at the top of the checkout, read the way a newcomer reads it: by its sections. */
final class Readme {

    private static final Pattern NAME = Pattern.compile("`(\\.?[a-z][a-zA-Z0-9.\\[\\]<> -]*)`");
    private static final Pattern MAP_KEY = Pattern.compile("\\.<[^>]+>$");

    private Readme() {
    }

    static String text() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            if (Files.isRegularFile(readme) && Files.isDirectory(dir.resolve("incident-core"))) {
                try {
                    return Files.readString(readme);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The text from a heading to the next heading of the same or a higher level. */
    static String section(String heading) {
        String text = text();
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("the README has no heading '" + heading + "'");
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = text.length();
        for (int i = start + heading.length() + 2; i < text.length(); i = text.indexOf('\n', i) + 1) {
            if (i == 0) {
                break;
            }
            if (text.startsWith("#", i) && headingLevel(text, i) <= level.length() - 1 && !inFence(text, i)) {
                end = i;
                break;
            }
        }
        return text.substring(start + 1, end);
    }

    /** The first fenced block of the given language in a section. */
    static String firstBlock(String section, String language) {
        int open = section.indexOf("```" + language + "\n");
        if (open < 0) {
            throw new IllegalStateException("no ```" + language + " block in the section");
        }
        int from = open + language.length() + 4;
        return section.substring(from, section.indexOf("\n```", from) + 1);
    }

    /**
     * The properties named in the first column of the table in "## Configuration". A row may name several
     * ({@code `a.url`, `.username`} is {@code a.url} and {@code a.username}); a map's keys are written
     * {@code prefix.<what the key is>} and come back as {@code prefix.<key>}.
     */
    static Set<String> configurationTableProperties() {
        Set<String> names = new TreeSet<>();
        for (String line : section("## Configuration").split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            String base = null;
            Matcher matcher = NAME.matcher(firstCell);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (name.startsWith(".") && base != null) {
                    name = base + name;
                } else {
                    base = name.substring(0, name.lastIndexOf('.'));
                }
                names.add(MAP_KEY.matcher(name).replaceFirst(".<key>"));
            }
        }
        return names;
    }

    private static int headingLevel(String text, int at) {
        int level = 0;
        while (at + level < text.length() && text.charAt(at + level) == '#') {
            level++;
        }
        return level;
    }

    private static boolean inFence(String text, int at) {
        int fences = 0;
        for (int i = text.indexOf("\n```"); i >= 0 && i < at; i = text.indexOf("\n```", i + 1)) {
            fences++;
        }
        return fences % 2 == 1;
    }
}
