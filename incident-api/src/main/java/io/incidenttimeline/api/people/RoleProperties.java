package io.incidenttimeline.api.people;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.roles.*}: the people of an incident.
 *
 * @param names the roles a person can hold on an incident, each an id; {@code communications} is the one promise
 *              reminders go to
 */
@ConfigurationProperties("incident.roles")
public record RoleProperties(@DefaultValue({"lead", "communications"}) List<String> names) {
}
