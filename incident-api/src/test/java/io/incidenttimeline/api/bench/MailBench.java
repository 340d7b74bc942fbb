package io.incidenttimeline.api.bench;

import io.incidenttimeline.api.mail.MailOutbox;
import io.incidenttimeline.api.mail.OutgoingMail;
import io.incidenttimeline.api.notification.MailComposer;
import io.incidenttimeline.api.notification.MailNotice;
import io.incidenttimeline.api.notification.MailNotices;
import io.incidenttimeline.api.subscription.EmailSubscriber;
import io.incidenttimeline.api.subscription.EmailSubscribers;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import java.net.URI;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subscriber-mail figure of issue #18: one public update to 10,000 confirmed email subscribers, from the command's
 * 201 until a local SMTP server ({@link SinkSmtpServer}, in this JVM, on 127.0.0.1) has received every mail, against a raw send loop
 * of the same mails in the same run (Spring's {@code JavaMailSender.send(MimeMessage...)}, which sends them all over one
 * connection). A second figure leaves out the decision: 10,000 mails enqueued in one transaction until received. Not a
 * test; {@code scripts/bench mail} builds and runs it (docs/benchmarks.md). It prints the figures, writes
 * docs/bench/mail.md and asserts no timing.
 * <p>
 * System properties: {@code bench.mail.subscribers} (10,000), {@code bench.runs} (3), {@code bench.out} (docs/bench).
 */
public final class MailBench {

    private static final int SUBSCRIBERS = Integer.getInteger("bench.mail.subscribers", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final String COMPONENT = "mail-bench";
    private static final Duration PATIENCE = Duration.ofMinutes(20);

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final SinkSmtpServer smtp;
    private final BenchApp app;
    private final JdbcTemplate readStore;
    private int lastConnections;

    private MailBench(SinkSmtpServer smtp, BenchApp app) {
        this.smtp = smtp;
        this.app = app;
        this.readStore = app.context.getBean("readStoreJdbcTemplate", JdbcTemplate.class);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "docs/bench"));
        Path dataDir = Files.createTempDirectory("incident-mail-bench-");
        SinkSmtpServer smtp = new SinkSmtpServer();
        int port = smtp.port();
        long started = System.nanoTime();
        String report;
        try (BenchDatabase database = BenchDatabase.of("h2")) {
            Map<String, String> properties = new LinkedHashMap<>(database.properties);
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", Integer.toString(port));
            try (BenchApp app = new BenchApp(dataDir, properties)) {
                MailBench bench = new MailBench(smtp, app);
                bench.run(port);
                report = bench.report(Duration.ofNanos(System.nanoTime() - started));
            }
        } finally {
            smtp.close();
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
        System.out.println(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("mail.md"), report);
    }

    private void run(int port) throws Exception {
        app.http.command("/api/v1/components", Map.of("id", COMPONENT, "name", "Mail bench service",
                "group", "Bench", "position", 0, "description", "the component every bench subscriber follows"), 201);
        List<EmailSubscriber> subscribers = insertSubscribers();
        JavaMailSenderImpl raw = new JavaMailSenderImpl();
        raw.setHost("127.0.0.1");
        raw.setPort(port);

        // the transport alone: the mails the processor would write for an update, enqueued in one transaction
        List<OutgoingMail> composed = composed(subscribers);
        timeUntilReceived(() -> enqueueAll(copies(composed, "warm-up")));
        timeUntilReceived(() -> rawLoop(raw, composed));
        note("warm-up: transport and raw loop");
        for (int run = 0; run < RUNS; run++) {
            double transport = timeUntilReceived(() -> enqueueAll(copies(composed, "run-" + System.nanoTime())));
            int connections = lastConnections;
            double baseline = timeUntilReceived(() -> rawLoop(raw, composed));
            figure("mail-transport", String.format(Locale.ROOT, "7. %,d mails enqueued in one transaction → all received",
                    SUBSCRIBERS), "s", "raw send loop of the same mails over one connection", "≤ 1.5 × baseline")
                    .add(transport, baseline);
            note(String.format(Locale.ROOT, "run %d: outbox → SMTP %.2f s (%.0f mails/s, %,d connections); raw loop "
                    + "%.2f s (%.0f mails/s, %,d connections)", run, transport, SUBSCRIBERS / transport, connections,
                    baseline, SUBSCRIBERS / baseline, lastConnections));
        }

        if (app.context.getBeanProvider(EmailSubscribers.class).getIfAvailable() == null) {
            throw new IllegalStateException("no EmailSubscribers in the application: the end-to-end figure needs the "
                    + "email subscriptions");
        }
        String incident = "mail-bench-incident";
        Map<String, Object> declaration = new LinkedHashMap<>(Workload.update("investigating",
                "We are investigating failed deliveries for some customers.", "public"));
        declaration.put("id", incident);
        declaration.put("title", "Failed deliveries");
        declaration.put("locale", "en");
        declaration.put("impact", "minor");
        declaration.put("components", Map.of(COMPONENT, "degraded_performance"));
        timeUntilReceived(() -> app.http.command("/api/v1/incidents", declaration, 201));
        note("warm-up: the declaration mailed");
        for (int run = 0; run < RUNS; run++) {
            String message = "Update " + run + ": deliveries recover as the queue drains.";
            long[] queuedAfter = new long[1];
            String[] update = new String[1];
            double endToEnd = timeUntilReceived(() -> {
                update[0] = app.http.json(app.http.command("/api/v1/incidents/" + incident + "/updates",
                        Workload.update("identified", message, "public"), 201)).get("updateId").asText();
                queuedAfter[0] = awaitQueued("update:" + incident + ":" + update[0] + ":%");
                return null;
            });
            List<OutgoingMail> mails = queued("update:" + incident + ":" + update[0] + ":%");
            double baseline = timeUntilReceived(() -> rawLoop(raw, mails));
            figure("mail-end-to-end", String.format(Locale.ROOT, "7. one update to %,d subscribers: 201 → all received",
                    SUBSCRIBERS), "s", "raw send loop of the same mails over one connection", "≤ 2 × baseline")
                    .add(endToEnd, baseline);
            note(String.format(Locale.ROOT, "run %d: update → %,d mails received in %.2f s (all queued after %.2f s); "
                    + "raw loop %.2f s", run, mails.size(), endToEnd, queuedAfter[0] / 1e9, baseline));
        }
    }

    /** Each subscriber's mail about a public update, as the processor writes it. */
    private List<OutgoingMail> composed(List<EmailSubscriber> subscribers) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        PublicIncident before = PublicIncidentFold.apply(null, new IncidentDeclared("mail-bench-composed",
                "Failed deliveries", "en", Impact.MINOR, Map.of(COMPONENT, ComponentStatus.DEGRADED_PERFORMANCE),
                List.of(), at, at));
        before = PublicIncidentFold.apply(before, new UpdatePosted("mail-bench-composed", "u1",
                IncidentStatus.INVESTIGATING, "We are investigating failed deliveries.", Visibility.PUBLIC, Map.of(),
                null, at, at));
        PublicIncident after = PublicIncidentFold.apply(before, new UpdatePosted("mail-bench-composed", "u2",
                IncidentStatus.IDENTIFIED, "Deliveries recover as the queue drains.", Visibility.PUBLIC, Map.of(), null,
                at.plusSeconds(600), at.plusSeconds(600)));
        MailNotice notice = MailNotices.incident(before, after, "bench").get(0);
        MailComposer composer = new MailComposer("Incident Timeline", "http://localhost:8080");
        Map<String, PublicComponent> catalogue = Map.of(COMPONENT, new PublicComponent(COMPONENT, "Mail bench service",
                "Bench", 0, null, at, at, null));
        return subscribers.stream().map(s -> composer.compose(notice, s, catalogue,
                URI.create("http://localhost:8080/subscriptions/manage?token=" + s.id()),
                URI.create("http://localhost:8080/subscriptions/unsubscribe?token=" + s.id()))).toList();
    }

    private static List<OutgoingMail> copies(List<OutgoingMail> mails, String prefix) {
        return mails.stream().map(m -> new OutgoingMail(prefix + ":" + m.mailKey(), m.subscriptionId(), m.to(),
                m.subject(), m.text(), m.html(), m.headers())).toList();
    }

    /** Confirmed subscribers of the bench's component, a quarter reading German, a third in Berlin. */
    private List<EmailSubscriber> insertSubscribers() {
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        List<EmailSubscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            EmailSubscriber subscriber = new EmailSubscriber(String.format(Locale.ROOT, "es-bench-%06d", i),
                    String.format(Locale.ROOT, "reader-%06d@bench.example", i), List.of(COMPONENT),
                    i % 4 == 0 ? "de" : "en", i % 3 == 0 ? "Europe/Berlin" : "UTC");
            subscribers.add(subscriber);
            rows.add(new Object[] {subscriber.id(), subscriber.email(), "[\"" + COMPONENT + "\"]", subscriber.locale(),
                    subscriber.zone(), "confirmed", java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)});
        }
        readStore.batchUpdate("INSERT INTO email_subscription (subscription_id, email, components, locale, zone, status, "
                + "created_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        note(String.format(Locale.ROOT, "%,d confirmed subscribers", SUBSCRIBERS));
        return subscribers;
    }

    /** The seconds from starting {@code action} until the SMTP server has as many more mails as the action sends. */
    private double timeUntilReceived(Supplier<?> action) {
        smtp.reset();
        long started = System.nanoTime();
        action.get();
        long deadline = started + PATIENCE.toNanos();
        while (smtp.received() < SUBSCRIBERS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + smtp.received() + " mails arrived");
            }
            BenchApp.sleep(5);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        lastConnections = smtp.connections();
        return seconds;
    }

    /** Waits until every subscriber's mail with keys like {@code pattern} is queued; the nanoseconds it took. */
    private long awaitQueued(String pattern) {
        long started = System.nanoTime();
        while (readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE mail_key LIKE ?", Integer.class,
                pattern) < SUBSCRIBERS) {
            if (System.nanoTime() - started > PATIENCE.toNanos()) {
                throw new IllegalStateException("the update's mails were not queued");
            }
            BenchApp.sleep(5);
        }
        return System.nanoTime() - started;
    }

    private List<OutgoingMail> queued(String pattern) {
        return readStore.query("SELECT mail_key, subscription_id, recipient, subject, body_text, body_html FROM mail_outbox "
                        + "WHERE mail_key LIKE ? ORDER BY mail_key",
                (rs, row) -> new OutgoingMail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Map.of()), pattern);
    }

    private Object rawLoop(JavaMailSenderImpl sender, List<OutgoingMail> mails) {
        List<MimeMessage> messages = new ArrayList<>(mails.size());
        try {
            for (OutgoingMail mail : mails) {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom("Incident Timeline <status@localhost>");
                helper.setTo(mail.to());
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
                message.setHeader("List-Unsubscribe", "<https://status.example.com/unsubscribe>");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                messages.add(message);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        sender.send(messages.toArray(MimeMessage[]::new));
        return null;
    }

    private Object enqueueAll(List<OutgoingMail> mails) {
        MailOutbox outbox = app.context.getBean(MailOutbox.class);
        PlatformTransactionManager transactions = app.context.getBean("readStoreTransactionManager",
                PlatformTransactionManager.class);
        new TransactionTemplate(transactions).executeWithoutResult(status -> mails.forEach(outbox::enqueue));
        return null;
    }

    private Figure figure(String key, String name, String unit, String baseline, String target) {
        return figures.computeIfAbsent(key, k -> new Figure(key, name, unit, baseline, target));
    }

    private String report(Duration took) {
        StringBuilder md = new StringBuilder("# Subscriber mail bench (h2)\n\n");
        md.append(String.format(Locale.ROOT, "%d cores, %d runs, %,d subscribers, a counting SMTP sink on 127.0.0.1, took %d s. "
                        + "Medians over the runs; the ratio is the median of the per-run ratios.%n%n",
                Runtime.getRuntime().availableProcessors(), RUNS, SUBSCRIBERS, took.toSeconds()));
        md.append("| figure | value | baseline | ratio | target | runs (value / baseline) |\n|---|---|---|---|---|---|\n");
        for (Figure figure : figures.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %s %s | %s %s (%s) | %s | %s | %s |%n", figure.name,
                    Figure.format(figure.value()), figure.unit, Figure.format(figure.baseline()), figure.unit,
                    figure.baselineName, Figure.format(figure.ratio()), figure.target, figure.runs()));
        }
        return md.toString();
    }

    private static void note(String text) {
        System.out.println(Instant.now() + " " + text);
    }
}
