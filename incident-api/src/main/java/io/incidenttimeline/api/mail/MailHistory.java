package io.incidenttimeline.api.mail;

import java.time.Instant;
import java.util.List;

/** The mails queued for one subscription, for the subscriber's data export. */
public interface MailHistory {

    /**
     * One mail; {@code lastError} is the server's last refusal, if any.
     */
    record Entry(String mailKey, String subject, String status, int attempts, Instant createdAt, Instant sentAt,
                 String lastError) {
    }

    List<Entry> of(String subscriptionId);
}
