package io.incidenttimeline.api.alertmanager;

import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.core.incident.Incident;
import io.incidenttimeline.core.shared.IncidentStatus;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * An alert group's incidents, read from the event store itself: the group's n-th incident is
 * {@code am-<first 12 hex of SHA-256(groupKey)>-<n>}, so no other state can disagree with the events. What an incident
 * is now (status, updates) is the {@link Incident} aggregate's own fold, loaded through Axon's repository.
 */
@Component
class AlertGroupHistory {

    private final EventStore eventStore;
    private final Configuration axon;

    AlertGroupHistory(EventStore eventStore, Configuration axon) {
        this.eventStore = eventStore;
        this.axon = axon;
    }

    /** The latest incident of a group: its id, its status and the ids of its updates. */
    record GroupIncident(String incidentId, int episode, IncidentStatus status, Set<String> updateIds) {

        boolean open() {
            return status != IncidentStatus.RESOLVED;
        }
    }

    Optional<GroupIncident> latest(String groupKey) {
        int episode = 0;
        while (eventStore.lastSequenceNumberFor(incidentId(groupKey, episode + 1)).isPresent()) {
            episode++;
        }
        return episode == 0 ? Optional.empty() : Optional.of(read(incidentId(groupKey, episode), episode));
    }

    static String incidentId(String groupKey, int episode) {
        return "am-" + Sha256.hex(groupKey).substring(0, 12) + "-" + episode;
    }

    private GroupIncident read(String incidentId, int episode) {
        var incidents = axon.repository(Incident.class);
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> incidents.load(incidentId)
                .invoke(incident -> new GroupIncident(incidentId, episode, incident.status(), incident.updateIds())))
                .getPayload();
    }
}
