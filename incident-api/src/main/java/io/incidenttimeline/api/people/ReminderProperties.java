package io.incidenttimeline.api.people;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.reminders.*}: reminders of "next update by" promises.
 *
 * @param leadTime how long before a promise is due its due-soon reminder is raised (the overdue one comes when it is due)
 * @param mailTo   the addresses (the responders' mailbox or on-call alias) each reminder is also mailed to; none by
 *                 default, so no reminder mails
 */
@ConfigurationProperties("incident.reminders")
public record ReminderProperties(@DefaultValue("PT5M") Duration leadTime, List<String> mailTo) {

    public ReminderProperties {
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
    }
}
