package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A scheduled maintenance as the public sees it: every maintenance message is public. Built by
 * {@link PublicMaintenanceFold}. {@code endedAt} is when it was completed or cancelled.
 */
public record PublicMaintenance(String id, String title, MaintenanceStatus status, List<String> components,
                                Instant scheduledFor, Instant scheduledUntil, boolean autoStart, boolean autoComplete,
                                Instant createdAt, Instant startedAt, Instant endedAt,
                                List<PublicMaintenanceUpdate> updates, Instant updatedAt) {

    /** Announced, not started yet (whether or not its window has begun). */
    public boolean upcoming() {
        return status == MaintenanceStatus.SCHEDULED;
    }

    /** Under way: its components are under maintenance. */
    public boolean active() {
        return status == MaintenanceStatus.IN_PROGRESS;
    }

    public boolean affects(String componentId) {
        return components.contains(componentId);
    }

    /** The messages, newest first (of two at the same moment, the one posted later). */
    public List<PublicMaintenanceUpdate> updatesNewestFirst() {
        List<PublicMaintenanceUpdate> newestFirst = new ArrayList<>(updates);
        Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparing(PublicMaintenanceUpdate::occurredAt).reversed());
        return newestFirst;
    }

    PublicMaintenance changed(MaintenanceStatus newStatus, Instant newStartedAt, Instant newEndedAt,
                              PublicMaintenanceUpdate update) {
        List<PublicMaintenanceUpdate> newUpdates = new ArrayList<>(updates);
        newUpdates.add(update);
        Instant latest = update.occurredAt().isAfter(updatedAt) ? update.occurredAt() : updatedAt;
        return new PublicMaintenance(id, title, newStatus, components, scheduledFor, scheduledUntil, autoStart,
                autoComplete, createdAt, newStartedAt, newEndedAt, List.copyOf(newUpdates), latest);
    }
}
