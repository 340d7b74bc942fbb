package io.incidenttimeline.api.alertmanager;

import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.IncidentStatus;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An alert group's incidents, read from the event store itself: the group's n-th incident is
 * {@code am-<first 12 hex of SHA-256(groupKey)>-<n>}, so no other state can disagree with the events.
 */
@Component
class AlertGroupHistory {

    private final EventStore eventStore;

    AlertGroupHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The latest incident of a group: its id, its status and the ids of its updates. */
    record GroupIncident(String incidentId, int episode, IncidentStatus status, Set<String> updateIds) {

        boolean open() {
            return status != IncidentStatus.RESOLVED;
        }
    }

    Optional<GroupIncident> latest(String groupKey) {
        GroupIncident latest = null;
        for (int episode = 1; ; episode++) {
            String id = incidentId(groupKey, episode);
            if (eventStore.lastSequenceNumberFor(id).isEmpty()) {
                return Optional.ofNullable(latest);
            }
            latest = read(id, episode);
        }
    }

    static String incidentId(String groupKey, int episode) {
        return "am-" + Sha256.hex(groupKey).substring(0, 12) + "-" + episode;
    }

    private GroupIncident read(String incidentId, int episode) {
        IncidentStatus[] status = {null};
        Set<String> updates = new HashSet<>();
        eventStore.readEvents(incidentId, 0L).asStream().forEach(event -> {
            Object payload = event.getPayload();
            if (payload instanceof UpdatePosted posted) {
                updates.add(posted.updateId());
                status[0] = posted.status();
            } else if (payload instanceof IncidentResolved) {
                status[0] = IncidentStatus.RESOLVED;
            } else if (payload instanceof IncidentReopened) {
                status[0] = IncidentStatus.INVESTIGATING;
            }
        });
        return new GroupIncident(incidentId, episode, status[0], Set.copyOf(updates));
    }
}
