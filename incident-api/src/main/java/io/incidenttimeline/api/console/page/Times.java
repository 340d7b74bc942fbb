package io.incidenttimeline.api.console.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times: UTC, to the minute, like the status page's own UTC times. */
public final class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String utc(Instant instant) {
        return instant == null ? null : UTC.format(instant);
    }

    /** The countdown to a promised update: "next update due in 12 min", or "overdue by 3 min" once it has passed. */
    public static String countdown(Instant dueAt, Instant now) {
        String span = duration(Duration.between(now, dueAt));
        return now.isAfter(dueAt) ? "overdue by " + span : "next update due in " + span;
    }

    /** A duration in words: "45 s" under a minute, "12 min", "2 h 5 min", "3 d 4 h". */
    public static String duration(Duration duration) {
        long seconds = Math.abs(duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }
}
