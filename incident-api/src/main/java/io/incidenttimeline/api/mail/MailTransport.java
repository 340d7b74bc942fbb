package io.incidenttimeline.api.mail;

/** Where mails go: an SMTP server, or {@code .eml} files when none is configured. */
interface MailTransport {

    SendResult send(QueuedMail mail);

    /** Forgets whatever the transport kept of the subscription's mails (the files it wrote). */
    default void erase(String subscriptionId) {
    }
}
