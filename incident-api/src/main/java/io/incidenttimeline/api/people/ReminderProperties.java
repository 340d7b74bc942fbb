package io.incidenttimeline.api.people;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.reminders.*}: reminders of "next update by" promises.
 *
 * @param leadTime how long before a promise is due its due-soon reminder is raised (the overdue one comes when it is due)
 */
@ConfigurationProperties("incident.reminders")
public record ReminderProperties(@DefaultValue("PT5M") Duration leadTime) {
}
