package io.incidenttimeline.api.notification;

import io.incidenttimeline.api.notification.MailNotice.Kind;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceUpdate;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which mails one event calls for, from the public incident or maintenance before and after it. Only the
 * public view is compared, so an internal update, an internal incident or a translation never makes a mail: the public
 * view does not change with the first two, and a translation is no news. Pure: no clock, no I/O.
 */
public final class MailNotices {

    private MailNotices() {
    }

    /**
     * @param eventId the event's identifier, which tells one amendment of an update from the next
     */
    public static List<MailNotice> incident(PublicIncident before, PublicIncident after, String eventId) {
        if (after == null || after.sameForReaders(before)) {
            return List.of();
        }
        Set<String> components = new LinkedHashSet<>(after.components().keySet());
        Map<String, PublicUpdate> earlier = before == null ? Map.of()
                : before.updates().stream().collect(Collectors.toMap(PublicUpdate::id, Function.identity()));
        List<MailNotice> notices = new ArrayList<>();
        if (before != null) {
            components.addAll(before.components().keySet());
            for (PublicUpdate old : before.updates()) {
                PublicUpdate now = after.update(old.id());
                if (now == null) {
                    notices.add(new MailNotice(Kind.CORRECTION_RETRACTED, "retraction:" + after.id() + ":" + old.id(),
                            components, after, old.id(), old, null));
                } else if (!now.message().equals(old.message())) {
                    notices.add(new MailNotice(Kind.CORRECTION_AMENDED,
                            "correction:" + after.id() + ":" + old.id() + ":" + eventId, components, after, old.id(),
                            old, null));
                }
            }
        }
        boolean wasPublic = before != null && before.visible();
        for (PublicUpdate update : after.updates()) {
            if (!earlier.containsKey(update.id())) {
                Kind kind = !wasPublic ? Kind.INCIDENT_DECLARED
                        : update.status() == IncidentStatus.RESOLVED ? Kind.INCIDENT_RESOLVED : Kind.INCIDENT_UPDATED;
                notices.add(new MailNotice(kind, "update:" + after.id() + ":" + update.id(), components, after,
                        update.id(), null, null));
                wasPublic = true;
            }
        }
        if (after.postMortem() != null && (before == null || before.postMortem() == null)) {
            notices.add(new MailNotice(Kind.POST_MORTEM_PUBLISHED, "post-mortem:" + after.id(), components, after, null,
                    null, null));
        }
        return notices;
    }

    /** A maintenance scheduled, started, completed or cancelled; a message on its way is no mail of its own. */
    public static List<MailNotice> maintenance(PublicMaintenance before, PublicMaintenance after) {
        if (after == null || after.equals(before) || (before != null && before.status() == after.status())) {
            return List.of();
        }
        Kind kind = switch (after.status()) {
            case SCHEDULED -> Kind.MAINTENANCE_SCHEDULED;
            case IN_PROGRESS -> Kind.MAINTENANCE_STARTED;
            case COMPLETED -> Kind.MAINTENANCE_COMPLETED;
            case CANCELLED -> Kind.MAINTENANCE_CANCELLED;
        };
        PublicMaintenanceUpdate latest = after.updates().get(after.updates().size() - 1);
        return List.of(new MailNotice(kind, "maintenance:" + after.id() + ":" + latest.id(),
                Set.copyOf(after.components()), null, latest.id(), null, after));
    }
}
