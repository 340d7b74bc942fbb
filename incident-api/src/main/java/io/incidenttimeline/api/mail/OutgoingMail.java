package io.incidenttimeline.api.mail;

import java.util.Map;

/**
 * A mail to one reader, decided by whoever composes it and sent by the {@link MailOutbox}.
 *
 * @param mailKey        unique per mail that must go out once (say {@code update:<incident>:<update>:<subscription>});
 *                       the outbox ignores a second mail with the same key, and the {@code Message-ID} is made from it
 * @param subscriptionId the subscription it goes to, so erasing a subscriber erases its mails too
 * @param headers        extra headers such as {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}
 */
public record OutgoingMail(String mailKey, String subscriptionId, String to, String subject, String text, String html,
                           Map<String, String> headers) {
}
