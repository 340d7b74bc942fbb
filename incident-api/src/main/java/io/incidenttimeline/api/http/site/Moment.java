package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.read.publicapi.LocalizedTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A moment as the page prints it: in UTC, and in the reader's zone with the zone's abbreviation from the IANA
 * database (13:52 UTC on 5 July 2024 is 06:52 PDT in Los Angeles, never PST).
 *
 * @param iso   the machine-readable instant, for {@code <time datetime>}
 * @param utc   e.g. {@code 2024-07-05 13:52 UTC}
 * @param local e.g. {@code 2024-07-05 06:52 PDT}; null when the reader reads UTC
 */
record Moment(String iso, String utc, String local) {

    /** The zone whose abbreviation is "UTC" (the offset itself would print as "Z"). */
    private static final ZoneId UTC = ZoneId.of("UTC");

    static Moment of(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        String utc = text(instant, UTC);
        boolean inUtc = zone.normalized().equals(ZoneOffset.UTC);
        return new Moment(instant.toString(), utc, inUtc ? null : text(instant, zone));
    }

    private static String text(Instant instant, ZoneId zone) {
        return LocalizedTime.of(instant, zone).text();
    }
}
