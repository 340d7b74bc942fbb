package io.incidenttimeline.api.subscriber;

import java.time.Duration;
import java.time.Instant;

/**
 * What follows an attempt: a 2xx is delivered; no answer (network error, timeout), a 5xx, 408 or 429 is retried after
 * an exponentially growing wait (longer if the receiver asked for it with Retry-After), until the attempts run out;
 * anything else (other 4xx, a redirect, which is never followed, a refused address) is given up at once.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** The delivery's state after its {@code attempt}-th attempt; {@code nextAttemptAt} is null unless pending. */
    record Decision(DeliveryStatus status, Instant nextAttemptAt) {
    }

    static RetryPolicy of(WebhookProperties.Delivery delivery) {
        return new RetryPolicy(delivery.maxAttempts(), delivery.initialBackoff(), delivery.multiplier(),
                delivery.maxBackoff());
    }

    Decision after(int attempt, Attempt result, Instant now) {
        if (result.statusCode() != null && result.statusCode() >= 200 && result.statusCode() < 300) {
            return new Decision(DeliveryStatus.DELIVERED, null);
        }
        if (!retryable(result) || attempt >= maxAttempts) {
            return new Decision(DeliveryStatus.FAILED, null);
        }
        Duration wait = backoff(attempt);
        if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
            wait = min(result.retryAfter(), maxBackoff);
        }
        return new Decision(DeliveryStatus.PENDING, now.plus(wait));
    }

    /** The wait after the {@code attempt}-th failed attempt: initial × multiplier^(attempt − 1), at most the maximum. */
    Duration backoff(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    static boolean retryable(Attempt result) {
        if (result.refused()) {
            return false;
        }
        Integer status = result.statusCode();
        return status == null || status >= 500 || status == 408 || status == 429;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
