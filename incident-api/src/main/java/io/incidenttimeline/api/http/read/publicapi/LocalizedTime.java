package io.incidenttimeline.api.http.read.publicapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as readers see it: UTC ISO-8601, and the reader's local time with the zone's abbreviation from the IANA
 * database (13:52 UTC on 5 July 2024 in America/Los_Angeles is 06:52 PDT).
 */
@Schema(name = "LocalTime", description = "A moment in UTC and in the reader's zone, with the IANA abbreviation")
public record LocalizedTime(@Schema(example = "2024-07-05T13:52:00Z") String utc,
                            @Schema(example = "2024-07-05T06:52:00-07:00") String local,
                            @Schema(example = "PDT") String zone,
                            @Schema(example = "2024-07-05 06:52 PDT") String text) {

    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    public static LocalizedTime of(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime local = instant.atZone(zone);
        return new LocalizedTime(instant.toString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local),
                ABBREVIATION.format(local), TEXT.format(local));
    }
}
