package io.incidenttimeline.api.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through Spring Boot's {@link JavaMailSender} ({@code spring.mail.*}). A reply in the 5xx range is permanent
 * (the mail is given up; to RCPT TO, the address is refused and the subscriber suspended); a 4xx reply, a refused or
 * timed-out connection, a failed sign-in (the server's configuration, not the reader's address) is temporary.
 */
final class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;
    private final MailMessages messages;

    SmtpTransport(JavaMailSender sender, MailMessages messages) {
        this.sender = sender;
        this.messages = messages;
    }

    @Override
    public SendResult send(QueuedMail mail) {
        try {
            Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : MailMessages.defaultSession();
            sender.send(messages.build(session, mail));
            return SendResult.sent();
        } catch (MailAuthenticationException e) {
            return SendResult.temporary(null, "the mail server refused the sign-in: " + e.getMessage());
        } catch (MailException | MessagingException e) {
            return classify(e);
        }
    }

    /**
     * Sends the mails over one connection ({@code JavaMailSender.send(MimeMessage...)}): one TCP and TLS handshake,
     * EHLO and sign-in for the batch instead of one per mail. The sender goes on after a mail the server refused, and
     * names each failed mail; a connection lost midway fails the mails not sent yet, temporarily.
     */
    @Override
    public List<SendResult> sendAll(List<QueuedMail> mails) {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : MailMessages.defaultSession();
        SendResult[] results = new SendResult[mails.size()];
        List<MimeMessage> messages = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            try {
                messages.add(build(session, mails.get(i)));
                positions.add(i);
            } catch (MessagingException unbuildable) {
                results[i] = classify(unbuildable);
            }
        }
        try {
            if (!messages.isEmpty()) {
                sender.send(messages.toArray(MimeMessage[]::new));
            }
            fill(results, positions, index -> SendResult.sent());
        } catch (MailAuthenticationException e) {
            SendResult refused = SendResult.temporary(null, "the mail server refused the sign-in: " + e.getMessage());
            fill(results, positions, index -> refused);
        } catch (MailSendException e) {
            Map<Object, Exception> failed = e.getFailedMessages();
            SendResult whole = failed.isEmpty() ? classify(e) : null;
            fill(results, positions, index -> {
                Exception failure = failed.get(messages.get(index));
                return whole != null ? whole : failure == null ? SendResult.sent() : classify(failure);
            });
        } catch (MailException e) {
            SendResult whole = classify(e);
            fill(results, positions, index -> whole);
        }
        return List.of(results);
    }

    private MimeMessage build(Session session, QueuedMail mail) throws MessagingException {
        return messages.build(session, mail);
    }

    /** Sets the result of each built message, {@code index} counting the built ones. */
    private static void fill(SendResult[] results, List<Integer> positions, IntFunction<SendResult> result) {
        for (int index = 0; index < positions.size(); index++) {
            results[positions.get(index)] = result.apply(index);
        }
    }

    /** Reads the SMTP reply code out of what Jakarta Mail and Spring wrapped around it. */
    static SendResult classify(Exception failure) {
        Deque<Throwable> open = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        open.add(failure);
        Integer code = null;
        boolean address = false;
        boolean network = false;
        while (!open.isEmpty()) {
            Throwable t = open.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SMTPAddressFailedException a) {
                code = worse(code, a.getReturnCode());
                address |= a.getReturnCode() >= 500;
            } else if (t instanceof SMTPSenderFailedException s) {
                code = worse(code, s.getReturnCode());
            } else if (t instanceof SMTPSendFailedException s) {
                code = worse(code, s.getReturnCode());
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.SocketException) {
                network = true;
            }
            if (t instanceof MailSendException m) {
                open.addAll(java.util.List.of(m.getMessageExceptions()));
            }
            if (t instanceof SendFailedException s && s.getNextException() != null) {
                open.add(s.getNextException());
            } else if (t instanceof MessagingException m && m.getNextException() != null) {
                open.add(m.getNextException());
            }
            if (t.getCause() != null) {
                open.add(t.getCause());
            }
        }
        String error = describe(failure);
        if (code != null && code >= 500 && !network) {
            return SendResult.permanent(code, address, error);
        }
        return SendResult.temporary(code, error);
    }

    /** A 5xx outranks a 4xx: one permanent refusal makes the mail undeliverable. */
    private static Integer worse(Integer known, int code) {
        return known == null || code > known ? Integer.valueOf(code) : known;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); ) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                text.append(text.isEmpty() ? "" : ": ").append(t.getMessage().strip());
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                    : t instanceof MailSendException s && s.getMessageExceptions().length > 0
                    ? s.getMessageExceptions()[0] : t.getCause();
        }
        return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
    }
}
