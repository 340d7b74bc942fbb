package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * An inclusive range of event positions from the query parameters {@code fromPosition} and {@code toPosition}, both
 * optional. Anything but a whole number from 0 up is a 400 naming the parameter, and so is a range that runs backwards.
 */
public record PositionRange(long from, long to) {

    public static final String FROM = "fromPosition";
    public static final String TO = "toPosition";

    public static PositionRange parse(String from, String to, long defaultTo) {
        long start = position(from, FROM, 1);
        long end = position(to, TO, defaultTo);
        if (from != null && to != null && start > end) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-range", FROM,
                    FROM + " (" + start + ") must not be greater than " + TO + " (" + end + ")");
        }
        return new PositionRange(start, end);
    }

    private static long position(String value, String name, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-position", name,
                name + " must be a whole number from 0 up, not '" + value + "'");
    }
}
