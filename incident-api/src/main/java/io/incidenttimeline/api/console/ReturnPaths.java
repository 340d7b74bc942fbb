package io.incidenttimeline.api.console;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where sign-in may send a person back to: a path of the console on this server, never another origin. A
 * {@code next} of {@code //evil.example}, {@code /\evil.example}, {@code https://...} or anything outside
 * {@code /console} is ignored.
 */
public final class ReturnPaths {

    public static final String HOME = "/console";

    /** No scheme, no host, no quote or bracket: the path may be written into an HTML attribute (single sign-on). */
    private static final Pattern CONSOLE_PATH = Pattern.compile("/console(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%=&+-]*)?");

    private ReturnPaths() {
    }

    /** {@code next} when it is a console path, else null. */
    public static String safe(String next) {
        if (next == null || next.length() > 2000 || !CONSOLE_PATH.matcher(next).matches() || next.contains("//")
                || next.contains("/..") || encodes(next, "%2f") || encodes(next, "%5c") || encodes(next, "%2e")) {
            return null;
        }
        return next;
    }

    private static boolean encodes(String path, String escape) {
        return path.toLowerCase(Locale.ROOT).contains(escape);
    }

    /** {@code next} when it is a console path, else the list. */
    public static String orHome(String next) {
        String safe = safe(next);
        return safe == null ? HOME : safe;
    }
}
