package io.incidenttimeline.api.http.infra.web;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/** A timestamp query parameter: ISO-8601 in UTC, within the years databases store (0001-9999), else a 400. */
public final class TimestampParameter {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private TimestampParameter() {
    }

    /** The parsed value, or null when absent. */
    public static Instant optional(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-timestamp", field,
                field + " must be an ISO-8601 timestamp in UTC between the years 0001 and 9999, such as 2024-07-05T13:40:00Z");
    }

    public static Instant required(String field, String value) {
        if (value == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "parameter-required", field,
                    field + " is required: an ISO-8601 timestamp such as 2024-07-05T13:40:00Z");
        }
        return optional(field, value);
    }
}
