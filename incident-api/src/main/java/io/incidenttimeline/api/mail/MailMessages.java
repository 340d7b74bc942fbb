package io.incidenttimeline.api.mail;

import io.incidenttimeline.api.support.Sha256;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns a queued mail into a MIME message: text and HTML alternatives (text alone when there is no HTML), the extra
 * headers, and a {@code Message-ID} made from the mail key, so that every attempt at one mail carries the same id and
 * a receiver can tell a retry from a new mail.
 */
final class MailMessages {

    private final InternetAddress from;
    private final String idDomain;

    MailMessages(String from, String pageUrl) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("incident.mail.from is not an address: " + e.getMessage(), e);
        }
        String host = null;
        try {
            host = URI.create(pageUrl).getHost();
        } catch (IllegalArgumentException ignored) {
            // the id falls back below
        }
        this.idDomain = host == null || host.isBlank() ? "incident-timeline.invalid" : host;
    }

    /** The Message-ID of the mail with this key. */
    String messageId(String mailKey) {
        return "<" + Sha256.hex(mailKey).substring(0, 40) + "@" + idDomain + ">";
    }

    MimeMessage build(Session session, QueuedMail queued) throws MessagingException {
        OutgoingMail mail = queued.mail();
        String id = messageId(mail.mailKey());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        boolean html = mail.html() != null && !mail.html().isBlank();
        MimeMessageHelper helper = new MimeMessageHelper(message, html, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        helper.setSentDate(Date.from(queued.createdAt()));
        if (html) {
            helper.setText(mail.text(), mail.html());
        } else {
            helper.setText(mail.text());
        }
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.saveChanges();
        return message;
    }

    static Session defaultSession() {
        return Session.getInstance(new Properties());
    }
}
