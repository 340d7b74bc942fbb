package io.incidenttimeline.api.mail;

/**
 * The durable queue of mails to send. A mail is enqueued in the caller's transaction (so it goes out if and only if
 * what decided it is stored) and sent at least once afterwards, by one node, with retries on temporary failures.
 */
public interface MailOutbox {

    /** Queues the mail; false if a mail with its key was queued before (nothing changes then). */
    boolean enqueue(OutgoingMail mail);

    /** Removes every queued and sent mail of the subscription, addresses and attempt logs included. */
    void erase(String subscriptionId);
}
