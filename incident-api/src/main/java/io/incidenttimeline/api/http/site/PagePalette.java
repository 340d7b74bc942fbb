package io.incidenttimeline.api.http.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's colours, read from the custom properties of {@code :root} in its stylesheet, so that what is drawn
 * outside it (the SVG badge) has the very colours the page has, and a test can check their contrast where they are
 * used. Also the relative luminance and contrast ratio of WCAG 2.
 */
final class PagePalette {

    static final String STYLESHEET = "statuspage/assets/status.css";
    private static final Pattern ROOT = Pattern.compile("(?s):root\\s*\\{(.*?)}");
    private static final Pattern PROPERTY = Pattern.compile("--([a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\s*;");

    private final Map<String, String> colours;

    private PagePalette(Map<String, String> colours) {
        this.colours = Map.copyOf(colours);
    }

    static PagePalette of(String css) {
        Matcher root = ROOT.matcher(css);
        if (!root.find()) {
            throw new IllegalStateException("the stylesheet has no :root block");
        }
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher property = PROPERTY.matcher(root.group(1));
        while (property.find()) {
            colours.put(property.group(1), property.group(2).toLowerCase());
        }
        return new PagePalette(colours);
    }

    static PagePalette load() {
        try (InputStream in = PagePalette.class.getClassLoader().getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET + " is missing");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The colour of custom property {@code --name}, as {@code #rrggbb}. */
    String colour(String name) {
        String colour = colours.get(name);
        if (colour == null) {
            throw new IllegalArgumentException("no colour --" + name + " in " + STYLESHEET);
        }
        return colour;
    }

    Map<String, String> colours() {
        return colours;
    }

    /** WCAG 2 contrast ratio of two {@code #rrggbb} colours, from 1 to 21. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
