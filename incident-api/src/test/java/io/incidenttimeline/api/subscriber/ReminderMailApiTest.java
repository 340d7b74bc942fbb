package io.incidenttimeline.api.subscriber;

import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.GreenMailApiTest;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.projections.support.ReadStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Promise reminders by mail (issue #19): each reminder an incident raises is mailed once to the address of
 * {@code incident.reminders.mail-to} this context sets ({@link GreenMailApiTest#REMINDERS_TO}), due soon and then
 * overdue, naming the incident, its console page, the promise's due time in UTC and who holds the communications role;
 * a promise answered before its deadline mails nobody.
 */
class ReminderMailApiTest extends GreenMailApiTest {

    /** The it profile's lead time is 5 s: the due-soon reminder comes 5 s before this. */
    private static final Duration AHEAD = Duration.ofSeconds(8);

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    @Test
    void anUnansweredPromiseIsMailedDueSoonThenOverdue_onceEach() throws Exception {
        String incident = uniqueId("mail-remind");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "title", "Checkout fails " + incident));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/roles/communications",
                Map.of("holder", "Dana Reyes"));
        Instant due = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Incidents.post(api, incident, Bodies.with(Bodies.with(Bodies.update("identified", "Next note soon."),
                "updateId", "promising"), "nextUpdateDueAt", due.toString()));

        List<MimeMessage> mails = Eventually.until(() -> reminders(incident), m -> m.size() >= 2,
                "the due-soon and the overdue reminder mailed");
        Thread.sleep(2000); // a reminder mailed twice would have arrived by now
        mails = reminders(incident);
        assertThat(mails).hasSize(2);
        MimeMessage dueSoon = mails.stream().filter(m -> subject(m).startsWith("Due soon")).findFirst().orElseThrow();
        MimeMessage overdue = mails.stream().filter(m -> subject(m).startsWith("Overdue")).findFirst().orElseThrow();
        String dueText = "2" + due.toString().substring(1, 10) + " " + due.toString().substring(11, 19) + " UTC";
        for (MimeMessage mail : List.of(dueSoon, overdue)) {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(REMINDERS_TO);
            assertThat(subject(mail)).contains("Checkout fails " + incident).contains(dueText);
            assertThat(mail.getHeader("List-Unsubscribe")).as("not a subscriber mail").isNull();
            String text = text(mail);
            assertThat(text).contains("Checkout fails " + incident).contains(dueText)
                    .contains("Communications: Dana Reyes")
                    .contains(PAGE_URL + "/console/incidents/" + incident);
        }
        assertThat(text(dueSoon)).contains("is due at");
        assertThat(text(overdue)).contains("has not been posted");
        assertThat(readStore.queryForList("SELECT mail_key FROM mail_outbox WHERE mail_key LIKE ? ORDER BY mail_key",
                String.class, "reminder:" + incident + ":%")).containsExactly(
                "reminder:" + incident + ":promising:due-soon:" + REMINDERS_TO,
                "reminder:" + incident + ":promising:overdue:" + REMINDERS_TO);
    }

    @Test
    void aPromiseAnsweredBeforeItsDeadlineMailsNobody() throws Exception {
        String incident = uniqueId("mail-answered");
        String component = uniqueId("mail-remind-cmp");
        Incidents.defineComponent(api, component, "Reminders " + component, "Mail", 94);
        // further ahead than the other test's: the answer must come before the due-soon deadline even on busy cores
        Instant due = Instant.now().plus(AHEAD.multipliedBy(2)).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(incident), "updateId",
                "promising"), "components", Map.of(component, "partial_outage")), "nextUpdateDueAt", due.toString()));
        Incidents.post(api, incident, Bodies.update("monitoring", "A fix is rolling out."));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).plusSeconds(2).toMillis()));
        assertThat(reminders(incident)).as(() -> reminders(incident).stream().map(m -> subject(m) + " | " + text(m))
                .toList().toString()).isEmpty();
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE mail_key LIKE ?", Integer.class,
                "reminder:" + incident + ":%")).isZero();
    }

    private static List<MimeMessage> reminders(String incident) {
        return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(REMINDERS_TO) && text(m).contains(incident);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    }
}
