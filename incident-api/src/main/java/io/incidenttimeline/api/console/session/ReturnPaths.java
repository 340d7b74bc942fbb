package io.incidenttimeline.api.console.session;

import java.util.regex.Pattern;

/**
 * Where sign-in may send a person back to: a path of the console on this server, never another origin. A
 * {@code next} of {@code //evil.example}, {@code /\evil.example}, {@code https://...} or anything outside
 * {@code /console} is ignored.
 */
public final class ReturnPaths {

    public static final String HOME = "/console";

    private static final Pattern CONSOLE_PATH = Pattern.compile("/console(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?"
            + "(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?");

    private ReturnPaths() {
    }

    /** {@code next} when it is a console path, else null. */
    public static String safe(String next) {
        if (next == null || next.length() > 2000 || !CONSOLE_PATH.matcher(next).matches() || next.contains("//")
                || next.contains("/..") || next.toLowerCase().contains("%2f") || next.toLowerCase().contains("%5c")) {
            return null;
        }
        return next;
    }

    /** {@code next} when it is a console path, else the list. */
    public static String orHome(String next) {
        String safe = safe(next);
        return safe == null ? HOME : safe;
    }
}
