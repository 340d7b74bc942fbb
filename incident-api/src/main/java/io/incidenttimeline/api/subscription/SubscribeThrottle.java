package io.incidenttimeline.api.subscription;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.incidenttimeline.api.support.Sha256;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Limits subscription requests with token buckets (Bucket4j): per client address, answered with 429, and per email
 * address, where further requests in the hour are answered as usual but send nothing, so that nobody can flood an
 * inbox with confirmations and the answer still says nothing about the address. Buckets of addresses are kept under
 * the address's SHA-256, never the address, and forgotten an hour after their last use.
 */
@Component
public class SubscribeThrottle {

    private final SubscriptionProperties properties;
    private final Cache<String, Bucket> clients = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000).build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000).build();

    SubscribeThrottle(SubscriptionProperties properties) {
        this.properties = properties;
    }

    /** Empty when the client may go on; otherwise the seconds to wait. */
    public OptionalLong client(String clientAddress) {
        var probe = clients.get(clientAddress, key -> hourly(properties.requestsPerClientPerHour()))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999)));
    }

    /** Whether a mail may go to this (normalised) address now. */
    boolean address(String email) {
        return addresses.get(Sha256.hex(email), key -> hourly(properties.requestsPerAddressPerHour())).tryConsume(1);
    }

    private static Bucket hourly(int perHour) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1))
                .build()).build();
    }
}
