package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.console.page.Times;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the incident page writes times, for its template: in UTC, which its forms state too. */
public final class ConsoleTimes {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    /** {@code 2024-07-05 13:52 UTC}; "" for none. */
    public String utc(Instant instant) {
        return instant == null ? "" : Times.utc(instant);
    }

    /** The value of a {@code datetime-local} input stating UTC; "" for none. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }
}
