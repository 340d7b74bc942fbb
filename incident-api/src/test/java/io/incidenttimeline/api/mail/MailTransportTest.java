package io.incidenttimeline.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The two transports on their own: .eml files for the embedded default, and how SMTP refusals are read. */
class MailTransportTest {

    private static final MailMessages MESSAGES = new MailMessages("Status <status@example.com>",
            "https://status.example.com");

    private static QueuedMail mail(String key, String subscription) {
        return new QueuedMail(new OutgoingMail(key, subscription, "Reader@Example.com", "Degraded API — update",
                "plain text ünïcode", "<p>html <b>body</b></p>",
                Map.of("List-Unsubscribe", "<https://status.example.com/subscriptions/unsubscribe?token=t>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")),
                0, Instant.parse("2026-12-07T10:15:30Z"));
    }

    @Test
    void withoutAMailServer_eachMailIsAnEmlFileInItsSubscriptionsFolder_andErasureRemovesThem(@TempDir Path dir)
            throws Exception {
        EmlFileTransport transport = new EmlFileTransport(dir.resolve("mail"), MESSAGES);

        assertThat(transport.send(mail("update:inc-1:u-1:es-0001", "es-0001")).outcome())
                .isEqualTo(SendResult.Outcome.SENT);
        assertThat(transport.send(mail("update:inc-1:u-1:es-0002", "es-0002")).outcome())
                .isEqualTo(SendResult.Outcome.SENT);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("mail/es-0001"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).singleElement().satisfies(file -> assertThat(file.getFileName().toString())
                .startsWith("20261207T101530Z-").endsWith(".eml"));
        MimeMessage message;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(message.getHeader("Message-ID", null)).isEqualTo(MESSAGES.messageId("update:inc-1:u-1:es-0001"))
                .endsWith("@status.example.com>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://status.example.com/subscriptions/unsubscribe?token=t>");
        assertThat(message.getSubject()).isEqualTo("Degraded API — update");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("Reader@Example.com");
        MimeMultipart alternatives = alternatives(message);
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("plain text ünïcode");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");

        transport.erase("es-0001");

        assertThat(dir.resolve("mail/es-0001")).doesNotExist();
        assertThat(dir.resolve("mail/es-0002")).isDirectory();
    }

    @Test
    void theMessageIdDependsOnTheMailKeyOnly() {
        assertThat(MESSAGES.messageId("k-1")).isEqualTo(MESSAGES.messageId("k-1"))
                .isNotEqualTo(MESSAGES.messageId("k-2"));
    }

    @Test
    void aFourHundredReplyIsTemporary() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, "451 4.3.0 mailbox busy, try later")) {
            SendResult result = smtp(server.port()).send(mail("k-4xx", "es-4xx"));

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.TEMPORARY);
            assertThat(result.replyCode()).isEqualTo(451);
            assertThat(result.addressRejected()).isFalse();
        }
    }

    @Test
    void aFiveHundredReplyToTheRecipientIsPermanentAndRejectsTheAddress() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, "550 5.1.1 no such user here")) {
            SendResult result = smtp(server.port()).send(mail("k-5xx", "es-5xx"));

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.PERMANENT);
            assertThat(result.replyCode()).isEqualTo(550);
            assertThat(result.addressRejected()).isTrue();
            assertThat(result.error()).contains("no such user here");
            assertThat(result.loggable()).isEqualTo("permanent (SMTP 550)").doesNotContain("@");
        }
    }

    @Test
    void noServerListeningIsTemporary() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SendResult result = smtp(port).send(mail("k-conn", "es-conn"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.TEMPORARY);
        assertThat(result.replyCode()).isNull();
    }

    private static SmtpTransport smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return new SmtpTransport(sender, MESSAGES);
    }

    private static MimeMultipart alternatives(MimeMessage message) throws Exception {
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        Object first = mixed.getBodyPart(0).getContent();
        if (first instanceof MimeMultipart related && related.getContentType().startsWith("multipart/related")) {
            return (MimeMultipart) related.getBodyPart(0).getContent();
        }
        return first instanceof MimeMultipart nested ? nested : mixed;
    }
}
