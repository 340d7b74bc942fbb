package io.incidenttimeline.api.people;

import io.incidenttimeline.core.incident.IncidentRoles;
import io.incidenttimeline.core.incident.PromiseReminders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the incident aggregate is told of its people: the configured role names and the reminders' lead time, as
 * core values its command and deadline handlers take as parameters. A bad value stops the start-up with its reason.
 */
@Configuration(proxyBeanMethods = false)
class PeopleConfig {

    @Bean
    IncidentRoles incidentRoles(RoleProperties properties) {
        try {
            return new IncidentRoles(properties.names());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("incident.roles.names: " + e.getMessage(), e);
        }
    }

    @Bean
    PromiseReminders promiseReminders(ReminderProperties properties) {
        try {
            return new PromiseReminders(properties.leadTime());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("incident.reminders.lead-time: " + e.getMessage(), e);
        }
    }
}
