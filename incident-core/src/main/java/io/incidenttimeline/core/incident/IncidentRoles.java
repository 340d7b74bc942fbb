package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.shared.Text;
import java.util.List;

/**
 * The roles a person can hold on an incident, as configured; {@link #COMMUNICATIONS} is the one promise reminders
 * go to. Each name is an id (lower-case letters, digits, '.', '_' or '-').
 */
public record IncidentRoles(List<String> names) {

    public static final String LEAD = "lead";
    public static final String COMMUNICATIONS = "communications";
    public static final IncidentRoles DEFAULT = new IncidentRoles(List.of(LEAD, COMMUNICATIONS));

    public IncidentRoles {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one incident role is needed");
        }
        for (String name : names) {
            if (name == null || !Text.isId(name)) {
                throw new IllegalArgumentException("incident role " + name + " is not a valid name: " + Text.ID_RULE);
            }
        }
        names = List.copyOf(names);
    }

    public boolean contains(String role) {
        return names.contains(role);
    }
}
