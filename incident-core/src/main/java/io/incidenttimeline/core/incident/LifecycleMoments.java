package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The moments of an incident's life responders may record: the four every incident has and the extras an operator
 * configured (such as {@code identified}). Given to the incident's command handler as a resource, so the domain
 * checks the configured names without knowing where they come from.
 */
public final class LifecycleMoments {

    public static final String DETECTED = "detected";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String MITIGATED = "mitigated";
    public static final String RESOLVED = "resolved";
    public static final List<String> STANDARD = List.of(DETECTED, ACKNOWLEDGED, MITIGATED, RESOLVED);
    /** The moments that cannot lie before the incident was detected: it is what they answer. */
    public static final Set<String> AFTER_DETECTION = Set.of(ACKNOWLEDGED, MITIGATED, RESOLVED);

    private final List<String> names;

    private LifecycleMoments(List<String> names) {
        this.names = names;
    }

    /** The standard moments and {@code extras}, each extra an id (lower-case letters, digits, '.', '_', '-'). */
    public static LifecycleMoments withExtras(Collection<String> extras) {
        Set<String> names = new LinkedHashSet<>(STANDARD);
        for (String extra : extras == null ? List.<String>of() : extras) {
            if (!Text.isId(extra)) {
                throw new IllegalArgumentException("the extra lifecycle moment '" + extra + "' must be " + Text.ID_RULE);
            }
            if (!names.add(extra)) {
                throw new IllegalArgumentException("the extra lifecycle moment '" + extra + "' is named twice or is a "
                        + "standard moment");
            }
        }
        return new LifecycleMoments(List.copyOf(new ArrayList<>(names)));
    }

    /** Every moment, the standard ones first, then the extras in their configured order. */
    public List<String> names() {
        return names;
    }

    /** {@code moment} if it is one of these; refused naming {@code field} otherwise. */
    public String known(String field, String moment) {
        if (moment == null || !names.contains(moment)) {
            throw CommandRejected.invalid(field, "unknown-moment",
                    field + " " + moment + " is not a lifecycle moment; known are " + String.join(", ", names));
        }
        return moment;
    }
}
