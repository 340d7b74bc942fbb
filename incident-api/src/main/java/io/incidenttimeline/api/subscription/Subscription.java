package io.incidenttimeline.api.subscription;

import java.time.Instant;
import java.util.List;

/**
 * One reader's subscription, as stored.
 *
 * @param components null for every component
 * @param status     pending until the confirmation link is followed, then confirmed; suspended after the mail server
 *                   refused the address for good
 */
public record Subscription(String id, String email, List<String> components, String locale, String zone,
                           Status status, String confirmationNonce, Instant createdAt, Instant confirmedAt,
                           Instant suspendedAt, String suspendedReason) {

    public enum Status {
        PENDING, CONFIRMED, SUSPENDED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status ofWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    EmailSubscriber subscriber() {
        return new EmailSubscriber(id, email, components, locale, zone);
    }
}
