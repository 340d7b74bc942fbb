package io.incidenttimeline.api.notification;

import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.util.Set;

/**
 * One public fact subscribers are told about by mail: what the public saw change with one event.
 *
 * @param key        what makes the mail unique, before the subscription is appended ({@code update:<incident>:<update>})
 * @param components the components concerned: a subscriber following any of them gets the mail
 * @param incident   the public incident after the event (for an incident's notice), else null
 * @param updateId   the incident update told about, corrected or withdrawn; null for a post-mortem and a maintenance
 * @param corrected  the update an amendment or retraction corrects, as the public saw it before; else null
 * @param maintenance the maintenance after the event (for a maintenance's notice), else null
 */
public record MailNotice(Kind kind, String key, Set<String> components, PublicIncident incident, String updateId,
                         PublicUpdate corrected, PublicMaintenance maintenance) {

    public MailNotice {
        components = Set.copyOf(components);
    }

    public enum Kind {
        /** The first public update: the incident became public. */
        INCIDENT_DECLARED,
        INCIDENT_UPDATED,
        INCIDENT_RESOLVED,
        POST_MORTEM_PUBLISHED,
        /** A public update's text was amended. */
        CORRECTION_AMENDED,
        /** A public update was retracted. */
        CORRECTION_RETRACTED,
        MAINTENANCE_SCHEDULED,
        MAINTENANCE_STARTED,
        MAINTENANCE_COMPLETED,
        MAINTENANCE_CANCELLED;

        public boolean correction() {
            return this == CORRECTION_AMENDED || this == CORRECTION_RETRACTED;
        }

        public boolean maintenance() {
            return name().startsWith("MAINTENANCE_");
        }
    }

    /** The key of this notice's mail to one subscription: the outbox keeps one mail per key. */
    public String mailKey(String subscriptionId) {
        return key + ":" + subscriptionId;
    }
}
