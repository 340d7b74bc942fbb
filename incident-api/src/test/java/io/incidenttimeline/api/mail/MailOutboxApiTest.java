package io.incidenttimeline.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.axon.IncidentProperties;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.projections.support.ReadStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in the shared application, which has no mail server: a mail enqueued in a committed transaction is
 * written as an .eml file under the data directory, a rolled-back one never is, and a key is sent once.
 */
class MailOutboxApiTest extends ApiIntegrationTest {

    @Autowired
    private MailOutbox outbox;

    @Autowired
    private IncidentProperties incident;

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    @Autowired
    @Qualifier("readStoreTransactionManager")
    private PlatformTransactionManager transactions;

    @Test
    void aCommittedMailIsWrittenOnceAsAnEmlFile_aRolledBackOneNever() throws Exception {
        String subscription = "es-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        OutgoingMail mail = new OutgoingMail("test:" + subscription + ":1", subscription, "reader@example.com",
                "Hello", "text", "<p>html</p>", Map.of());
        OutgoingMail rolledBack = new OutgoingMail("test:" + subscription + ":2", subscription, "reader@example.com",
                "Never", "text", null, Map.of());
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Boolean first = transaction.execute(status -> outbox.enqueue(mail));
        Boolean second = transaction.execute(status -> outbox.enqueue(mail));
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(rolledBack);
            status.setRollbackOnly();
        });

        assertThat(first).isTrue();
        assertThat(second).as("a second mail with the same key is ignored").isFalse();
        Path folder = incident.dataDir().resolve("mail").resolve(subscription);
        Eventually.until(() -> status(mail.mailKey()), "sent"::equals, "the mail is sent");
        assertThat(emls(folder)).singleElement().satisfies(file -> assertThat(Files.readString(file))
                .contains("Subject: Hello").contains("Message-ID: <"));
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?", Integer.class,
                rolledBack.mailKey())).isZero();

        outbox.erase(subscription);

        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE subscription_id = ?",
                Integer.class, subscription)).isZero();
        assertThat(folder).doesNotExist();
    }

    private String status(String mailKey) {
        List<String> statuses = readStore.queryForList("SELECT status FROM mail_outbox WHERE mail_key = ?",
                String.class, mailKey);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static List<Path> emls(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}
