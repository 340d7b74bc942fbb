package io.incidenttimeline.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.subscription.EmailSubscribers;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.GreenMailApiTest;
import io.incidenttimeline.projections.support.ReadStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes sharing one read store send each queued mail once (issue #18): beside the context's own dispatcher a
 * second one, with an outbox and wake-up of its own, works the same {@code mail_outbox}; GreenMail gets every mail
 * exactly once (counted by Message-ID), both nodes sent some, and every row says it was sent in one attempt.
 */
class TwoNodesMailApiTest extends GreenMailApiTest {

    private static final int MAILS = 200;

    @Autowired
    private MailOutbox outbox;

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    @Autowired
    @Qualifier("readStoreTransactionManager")
    private PlatformTransactionManager readTransactions;

    @Autowired
    private MailTransport transport;

    @Autowired
    private MailProperties properties;

    @Autowired
    private ObjectProvider<EmailSubscribers> subscribers;

    @Autowired
    private Clock clock;

    @Test
    void twoNodes_sendEachQueuedMailOnce() {
        String batch = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        AtomicInteger sentBySecondNode = new AtomicInteger();
        MailTransport counting = mail -> {
            SendResult result = transport.send(mail);
            if (result.outcome() == SendResult.Outcome.SENT) {
                sentBySecondNode.incrementAndGet();
            }
            return result;
        };
        MailWakeUp secondWakeUp = new MailWakeUp();
        JdbcMailOutbox secondOutbox = new JdbcMailOutbox(readStore, clock, secondWakeUp, counting);
        MailDispatcher secondNode = new MailDispatcher(secondOutbox, counting, properties, subscribers, secondWakeUp,
                clock);
        secondNode.start();
        try {
            List<OutgoingMail> mails = IntStream.range(0, MAILS).mapToObj(i -> new OutgoingMail(
                    "test:two-nodes:" + batch + ":" + i, "es-two-nodes-" + batch, "node-" + batch + "-" + i
                    + "@example.test", "Mail " + i, "text " + i, null, Map.of())).toList();
            // one transaction: both nodes find all of them due at once and compete for every row
            new TransactionTemplate(readTransactions).executeWithoutResult(status -> mails.forEach(outbox::enqueue));
            secondNode.wake();

            Eventually.until(() -> sent(batch), n -> n == MAILS, "every mail recorded as sent");
            List<MimeMessage> received = Eventually.until(() -> received(batch), r -> r.size() >= MAILS,
                    "every mail received");

            Map<String, Long> byMessageId = received.stream()
                    .collect(Collectors.groupingBy(TwoNodesMailApiTest::messageId, Collectors.counting()));
            assertThat(byMessageId).as("one message per mail").hasSize(MAILS);
            assertThat(byMessageId.values()).as("each received once").allMatch(count -> count == 1);
            assertThat(received).hasSize(MAILS);
            assertThat(readStore.queryForList("SELECT attempts FROM mail_outbox WHERE mail_key LIKE ?",
                    Integer.class, "test:two-nodes:" + batch + ":%")).as("each sent in one attempt")
                    .hasSize(MAILS).allMatch(attempts -> attempts == 1);
            assertThat(sentBySecondNode.get()).as("the second node sent some, the first the rest")
                    .isBetween(1, MAILS - 1);
        } finally {
            secondNode.stop();
        }
    }

    private int sent(String batch) {
        Integer n = readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE mail_key LIKE ? AND status = ?",
                Integer.class, "test:two-nodes:" + batch + ":%", MailStatus.SENT.wire());
        return n == null ? 0 : n;
    }

    private static List<MimeMessage> received(String batch) {
        return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith("node-" + batch + "-");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
