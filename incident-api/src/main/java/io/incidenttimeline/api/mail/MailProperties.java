package io.incidenttimeline.api.mail;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriber mails ({@code incident.mail.*}); the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from     the sender of every mail
 * @param dir      where mails are written as {@code .eml} files when no {@code spring.mail.host} is set (the embedded
 *                 default); {@code ${incident.data-dir}/mail} when not given
 * @param delivery how mails are sent and retried
 */
@ConfigurationProperties("incident.mail")
public record MailProperties(@DefaultValue("Incident Timeline <status@localhost>") String from, Path dir,
                             @DefaultValue Delivery delivery) {

    /**
     * @param maxAttempts    attempts before a mail is given up on a temporary failure
     * @param initialBackoff the wait after the first failed attempt; each further one waits {@code multiplier} times
     *                       longer, up to {@code maxBackoff}
     * @param pollInterval   how often the dispatcher looks for mails that are due (new ones are sent at once)
     * @param concurrency    how many mails are sent at the same time
     * @param claimDuration  how long a node keeps a mail it is sending to itself; a claim that outlives a crashed
     *                       sender lets another node send the mail again
     */
    public record Delivery(@DefaultValue("8") int maxAttempts, @DefaultValue("PT30S") Duration initialBackoff,
                           @DefaultValue("2.0") double multiplier, @DefaultValue("PT1H") Duration maxBackoff,
                           @DefaultValue("PT1S") Duration pollInterval, @DefaultValue("2") int concurrency,
                           @DefaultValue("PT2M") Duration claimDuration) {

        public Delivery {
            if (maxAttempts < 1 || concurrency < 1 || multiplier < 1.0) {
                throw new IllegalArgumentException("incident.mail.delivery: max-attempts and concurrency must be at "
                        + "least 1, multiplier at least 1.0");
            }
        }

        /** The wait after the {@code attempt}-th failed attempt: initial × multiplier^(attempt − 1), at most the maximum. */
        Duration backoff(int attempt) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
            return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
        }
    }
}
