package io.incidenttimeline.api.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the incident page writes times: in UTC, which its forms state, and as the countdown of a promise. */
public final class ConsoleTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    /** {@code 2024-07-05 13:52 UTC}; "" for none. */
    public String utc(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }

    /** The value of a {@code datetime-local} input stating UTC; "" for none. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }

    /** {@code 1 h 5 min}, {@code 12 min}, {@code less than a minute}. */
    static String span(Duration length) {
        long minutes = length.abs().toMinutes();
        if (minutes == 0) {
            return "less than a minute";
        }
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
