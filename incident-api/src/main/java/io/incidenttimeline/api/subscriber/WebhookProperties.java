package io.incidenttimeline.api.subscriber;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriber webhooks ({@code incident.webhooks.*}; the Alertmanager receiver has its own block under it).
 *
 * @param allowPrivateAddresses whether subscriber URLs may point at loopback, link-local, private, unique-local or
 *                              unspecified addresses: for tests and local use only
 * @param delivery              how deliveries are sent and retried
 */
@ConfigurationProperties("incident.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue Delivery delivery) {

    /**
     * @param maxAttempts    attempts before a delivery is given up
     * @param initialBackoff the wait after the first failed attempt; each further one waits {@code multiplier} times
     *                       longer, up to {@code maxBackoff}
     * @param connectTimeout how long to wait for the receiver's connection
     * @param readTimeout    how long to wait for the receiver's answer
     * @param pollInterval   how often the dispatcher looks for deliveries that are due (new ones are sent at once)
     * @param concurrency    how many deliveries are sent at the same time
     */
    public record Delivery(@DefaultValue("8") int maxAttempts, @DefaultValue("PT10S") Duration initialBackoff,
                           @DefaultValue("2.0") double multiplier, @DefaultValue("PT1H") Duration maxBackoff,
                           @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
                           @DefaultValue("PT1S") Duration pollInterval, @DefaultValue("4") int concurrency) {

        public Delivery {
            if (maxAttempts < 1 || concurrency < 1 || multiplier < 1.0) {
                throw new IllegalArgumentException("incident.webhooks.delivery: max-attempts and concurrency must be "
                        + "at least 1, multiplier at least 1.0");
            }
        }
    }
}
