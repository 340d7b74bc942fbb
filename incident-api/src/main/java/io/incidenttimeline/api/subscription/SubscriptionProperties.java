package io.incidenttimeline.api.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email subscriptions ({@code incident.subscriptions.*}).
 *
 * @param confirmationExpiry        how long a confirmation link can be followed
 * @param signingKey                the HMAC key that signs the confirmation, manage and unsubscribe links (at least
 *                                  32 characters; the same on every node); generated once into
 *                                  {@code ${incident.data-dir}/subscription-link-key} when not set
 * @param requestsPerClientPerHour  subscription requests one client address may make per hour (then 429)
 * @param requestsPerAddressPerHour confirmation mails one email address gets per hour at most; further requests are
 *                                  answered alike but send nothing
 */
@ConfigurationProperties("incident.subscriptions")
public record SubscriptionProperties(@DefaultValue("PT48H") Duration confirmationExpiry, String signingKey,
                                     @DefaultValue("20") int requestsPerClientPerHour,
                                     @DefaultValue("3") int requestsPerAddressPerHour) {

    public SubscriptionProperties {
        if (confirmationExpiry.isNegative() || confirmationExpiry.isZero()) {
            throw new IllegalArgumentException("incident.subscriptions.confirmation-expiry must be positive");
        }
        if (signingKey != null && !signingKey.isBlank() && signingKey.length() < 32) {
            throw new IllegalArgumentException("incident.subscriptions.signing-key must be at least 32 characters");
        }
        if (requestsPerClientPerHour < 1 || requestsPerAddressPerHour < 1) {
            throw new IllegalArgumentException("incident.subscriptions: the hourly limits must be at least 1");
        }
    }
}
