package io.incidenttimeline.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.bench.SinkSmtpServer;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sending a batch of mails over one SMTP connection, and what each mail of it came to. */
class SmtpBatchTransportTest {

    private static final MailMessages MESSAGES = new MailMessages("Status <status@example.com>",
            "https://status.example.com");

    private static List<QueuedMail> mails(int count) {
        return IntStream.range(0, count).mapToObj(i -> new QueuedMail(new OutgoingMail("batch:" + i, "es-" + i,
                "reader-" + i + "@example.com", "Update " + i, "text " + i, "<p>html " + i + "</p>", Map.of()), 0,
                Instant.parse("2026-12-07T10:15:30Z"))).toList();
    }

    @Test
    void aBatchGoesOverOneConnection() throws Exception {
        try (SinkSmtpServer server = new SinkSmtpServer()) {
            List<SendResult> results = smtp(server.port()).sendAll(mails(25));

            assertThat(results).hasSize(25).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(SendResult.Outcome.SENT));
            assertThat(server.received()).isEqualTo(25);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedRecipientFailsItsMailOnly_andTheOthersOfTheBatchAreStillTried() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, "550 5.1.1 no such user here")) {
            List<SendResult> results = smtp(server.port()).sendAll(mails(3));

            assertThat(results).hasSize(3).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(SendResult.Outcome.PERMANENT);
                assertThat(r.addressRejected()).isTrue();
                assertThat(r.replyCode()).isEqualTo(550);
            });
            assertThat(server.refusals()).isEqualTo(3);
        }
    }

    @Test
    void noServerListeningFailsTheWholeBatchTemporarily() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(smtp(port).sendAll(mails(3))).hasSize(3)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(SendResult.Outcome.TEMPORARY));
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
}
