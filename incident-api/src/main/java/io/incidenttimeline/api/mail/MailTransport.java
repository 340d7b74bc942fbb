package io.incidenttimeline.api.mail;

import java.util.List;

/** Where mails go: an SMTP server, or {@code .eml} files when none is configured. */
interface MailTransport {

    SendResult send(QueuedMail mail);

    /** Sends the mails one after the other, over one connection where the transport has any; a result per mail. */
    default List<SendResult> sendAll(List<QueuedMail> mails) {
        return mails.stream().map(this::send).toList();
    }

    /** Forgets whatever the transport kept of the subscription's mails (the files it wrote). */
    default void erase(String subscriptionId) {
    }
}
