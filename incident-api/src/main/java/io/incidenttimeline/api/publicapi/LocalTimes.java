package io.incidenttimeline.api.publicapi;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A moment as readers see it: UTC ISO-8601, and the reader's local time with the zone's abbreviation from the IANA
 * database (13:52 UTC on 5 July 2024 in America/Los_Angeles is 06:52 PDT).
 */
public final class LocalTimes {

    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private LocalTimes() {
    }

    public static Map<String, Object> of(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime local = instant.atZone(zone);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("utc", instant.toString());
        json.put("local", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local));
        json.put("zone", ABBREVIATION.format(local));
        json.put("text", TEXT.format(local));
        return json;
    }
}
