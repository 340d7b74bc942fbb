package io.incidenttimeline.api.console.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.incidenttimeline.api.console.ConsoleProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Limits wrong sign-in attempts per client address (Bucket4j, as the API's command limit): a token cannot be guessed
 * at speed. While an address is over its limit every attempt from it waits, a right token too, so the wait says
 * nothing about the token tried.
 */
@Component
class SignInThrottle {

    private final int perMinute;
    private final Cache<String, Bucket> failures = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    SignInThrottle(ConsoleProperties properties) {
        this.perMinute = properties.signInFailuresPerMinute();
    }

    /** Seconds until {@code address} may try again, 0 when it may now. */
    long waitSeconds(String address) {
        Bucket bucket = failures.getIfPresent(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return Math.max(1, Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill())
                .plusMillis(999).toSeconds());
    }

    void failed(String address) {
        failures.get(address, a -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
    }
}
