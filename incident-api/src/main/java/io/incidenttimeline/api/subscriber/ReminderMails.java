package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.api.mail.MailOutbox;
import io.incidenttimeline.api.mail.OutgoingMail;
import io.incidenttimeline.api.people.ReminderProperties;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.core.incident.event.NextUpdateReminderRaised;
import io.incidenttimeline.projections.responder.ResponderIncident;
import io.incidenttimeline.projections.responder.ResponderQueries;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Mails each promise reminder to every address of {@code incident.reminders.mail-to} (the responders' mailbox or
 * on-call alias; role holders are names, not addresses). It runs in the subscriber webhooks' processor, whose batch
 * transaction is the read store's, so the mail is queued in the same transaction as the processing, and its key
 * ({@code reminder:<incident>:<update>:<kind>:<address>}) makes a replay or a redelivery queue nothing new. These are
 * internal mails to the responders, not to subscribers: no unsubscribe headers, and a subscription id that no
 * subscriber's erasure matches.
 */
@Component
@ProcessingGroup(SubscriberWebhookProcessor.NAME)
class ReminderMails {

    /** Stands in for the subscription of an internal mail; subscription ids are {@code es-…}, so erasure never matches. */
    static final String INTERNAL = "internal:reminders";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MailOutbox outbox;
    private final ReminderProperties reminders;
    private final PageProperties page;
    private final ResponderQueries incidents;

    ReminderMails(MailOutbox outbox, ReminderProperties reminders, PageProperties page, ResponderQueries incidents) {
        this.outbox = outbox;
        this.reminders = reminders;
        this.page = page;
        this.incidents = incidents;
    }

    @EventHandler
    void on(NextUpdateReminderRaised event) {
        if (reminders.mailTo().isEmpty()) {
            return;
        }
        String title = incidents.incident(event.incidentId()).map(ResponderIncident::title)
                .filter(t -> !t.isBlank()).orElse(event.incidentId());
        boolean overdue = NextUpdateReminderRaised.OVERDUE.equals(event.kind());
        String holder = event.communicationsHolder() == null ? "the responders" : event.communicationsHolder();
        String due = UTC.format(event.dueAt());
        String link = page.base() + "/console/incidents/" + event.incidentId();
        String subject = (overdue ? "Overdue: the update promised for " : "Due soon: the update promised for ") + due
                + " - " + title;
        String text = (overdue
                ? "The next update promised for incident \"" + title + "\" was due at " + due + " and has not been posted."
                : "The next update promised for incident \"" + title + "\" is due at " + due + ".")
                + "\n\nCommunications: " + holder + "\nIncident: " + link + "\n\n"
                + "This reminder goes to the responders (incident.reminders.mail-to); it is sent once per promise.\n";
        for (String address : reminders.mailTo()) {
            outbox.enqueue(new OutgoingMail("reminder:" + event.incidentId() + ":" + event.updateId() + ":"
                    + event.kind() + ":" + address, INTERNAL, address, subject, text, null, Map.of()));
        }
    }
}
