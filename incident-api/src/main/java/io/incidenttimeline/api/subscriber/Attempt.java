package io.incidenttimeline.api.subscriber;

import java.time.Duration;

/**
 * What one attempt to send a delivery came to.
 *
 * @param statusCode the receiver's HTTP status, or null when no answer came (network error, timeout)
 * @param error      what went wrong, or null for a 2xx
 * @param retryAfter the receiver's Retry-After, when it sent one with 429 or 503
 * @param refused    the receiver's address may not be used (checked before sending); never retried
 * @param durationMs how long the attempt took
 */
record Attempt(Integer statusCode, String error, Duration retryAfter, boolean refused, long durationMs) {

    static Attempt answered(int statusCode, Duration retryAfter, long durationMs) {
        String error = statusCode >= 200 && statusCode < 300 ? null : "the receiver answered " + statusCode
                + (statusCode >= 300 && statusCode < 400 ? " (a redirect, which is not followed)" : "");
        return new Attempt(statusCode, error, retryAfter, false, durationMs);
    }

    static Attempt failed(String error, long durationMs) {
        return new Attempt(null, error, null, false, durationMs);
    }

    static Attempt refused(String reason) {
        return new Attempt(null, reason, null, true, 0);
    }
}
