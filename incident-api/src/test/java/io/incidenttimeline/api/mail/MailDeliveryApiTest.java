package io.incidenttimeline.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.GreenMailApiTest;
import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.projections.support.ReadStore;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispatcher against real SMTP servers: GreenMail gets what is sent, and is stopped for a refused connection; a
 * scripted server on its port answers RCPT TO with the 4xx or 5xx that real servers give. A temporary failure is
 * retried until the server takes the mail, under the same Message-ID; a permanent one is not, and suspends the
 * subscriber whose address was refused.
 */
class MailDeliveryApiTest extends GreenMailApiTest {

    @Autowired
    private MailOutbox outbox;

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private OutgoingMail mail(String subscriptionId, String to) {
        return new OutgoingMail("test:" + unique("mail"), subscriptionId, to, "Degraded checkout", "text",
                "<p>html</p>", Map.of("List-Unsubscribe", "<" + PAGE_URL + "/subscriptions/unsubscribe?token=x>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    private Map<String, Object> row(String mailKey) {
        return readStore.queryForMap("SELECT status, attempts, last_error FROM mail_outbox WHERE mail_key = ?", mailKey);
    }

    private static MimeMessage received(String to) {
        return Eventually.until(() -> Arrays.stream(greenMail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null), m -> m != null, "a mail to " + to);
    }

    private String confirmedSubscription(String email) {
        String id = "es-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        readStore.update("INSERT INTO email_subscription (subscription_id, email, status, created_at, confirmed_at) "
                + "VALUES (?, ?, 'confirmed', ?, ?)", id, email, OffsetDateTime.now(), OffsetDateTime.now());
        return id;
    }

    @Test
    void noConnection_isRetriedUntilTheServerIsBack_underTheSameMessageId() {
        String to = unique("down") + "@example.test";
        OutgoingMail mail = mail(unique("es"), to);
        stopGreenMail();
        try {
            outbox.enqueue(mail);
            Eventually.until(() -> row(mail.mailKey()), r -> ((Number) r.get("attempts")).intValue() >= 1,
                    "an attempt failed");
            assertThat(row(mail.mailKey()).get("status")).as("retried, not given up").isEqualTo("pending");
            assertThat(row(mail.mailKey()).get("last_error")).isNotNull();
        } finally {
            restartGreenMail();
        }

        MimeMessage message = received(to);

        Eventually.until(() -> row(mail.mailKey()).get("status"), "sent"::equals, "the mail is sent");
        assertThat(Arrays.asList(greenMail().getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).as("sent once").hasSize(1);
        assertThat(header(message, "Message-ID"))
                .isEqualTo("<" + Sha256.hex(mail.mailKey()).substring(0, 40) + "@status.example.test>");
        assertThat(header(message, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void aFourHundredReplyIsRetried_aFiveHundredOneIsNot_andSuspendsTheSubscriber() throws Exception {
        String busyTo = unique("busy") + "@example.test";
        OutgoingMail busy = mail(unique("es"), busyTo);
        stopGreenMail();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(SMTP_PORT, "451 4.3.0 mailbox busy, try later")) {
            outbox.enqueue(busy);
            Eventually.until(() -> row(busy.mailKey()), r -> ((Number) r.get("attempts")).intValue() >= 2,
                    "two attempts");
            assertThat(row(busy.mailKey()).get("status")).isEqualTo("pending");
            assertThat((String) row(busy.mailKey()).get("last_error")).contains("451");
            assertThat(server.refusals()).isGreaterThanOrEqualTo(2);
        } finally {
            restartGreenMail();
        }
        received(busyTo);
        Eventually.until(() -> row(busy.mailKey()).get("status"), "sent"::equals, "sent once the server takes it");

        String goneTo = unique("gone") + "@example.test";
        String subscription = confirmedSubscription(goneTo);
        OutgoingMail gone = mail(subscription, goneTo);
        stopGreenMail();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(SMTP_PORT, "550 5.1.1 no such user here")) {
            outbox.enqueue(gone);
            Eventually.until(() -> row(gone.mailKey()).get("status"), "failed"::equals, "given up");
            Thread.sleep(1500);
            assertThat(server.refusals()).as("not retried").isEqualTo(1);
        } finally {
            restartGreenMail();
        }
        Map<String, Object> failed = row(gone.mailKey());
        assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) failed.get("last_error")).contains("550").contains("no such user here");
        Map<String, Object> suspended = readStore.queryForMap("SELECT status, suspended_reason FROM email_subscription "
                + "WHERE subscription_id = ?", subscription);
        assertThat(suspended.get("status")).isEqualTo("suspended");
        assertThat((String) suspended.get("suspended_reason")).contains("550");
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
