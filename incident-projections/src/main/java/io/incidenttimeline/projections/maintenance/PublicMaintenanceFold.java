package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.core.maintenance.event.MaintenanceCancelled;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import io.incidenttimeline.projections.support.EventFold;
import java.util.List;

/**
 * The one implementation of the public view of a maintenance: folds its events, in order, into a
 * {@link PublicMaintenance}. Used by the live projection and by time travel alike. Pure: no clock, no I/O.
 */
public final class PublicMaintenanceFold {

    private PublicMaintenanceFold() {
    }

    public static PublicMaintenance fold(List<?> events) {
        return EventFold.fromStart(events, PublicMaintenanceFold::apply);
    }

    /** The state after {@code event}; events of other aggregates leave it unchanged. */
    public static PublicMaintenance apply(PublicMaintenance state, Object event) {
        if (event instanceof MaintenanceScheduled scheduled) {
            var update = new PublicMaintenanceUpdate(scheduled.updateId(), MaintenanceStatus.SCHEDULED,
                    scheduled.message(), scheduled.occurredAt(), scheduled.recordedAt());
            return new PublicMaintenance(scheduled.maintenanceId(), scheduled.title(), MaintenanceStatus.SCHEDULED,
                    List.copyOf(scheduled.components()), scheduled.scheduledFor(), scheduled.scheduledUntil(),
                    scheduled.autoStart(), scheduled.autoComplete(), scheduled.occurredAt(), null, null,
                    List.of(update), scheduled.occurredAt());
        }
        if (state == null) {
            return null;
        }
        if (event instanceof MaintenanceUpdatePosted posted) {
            return state.changed(state.status(), state.startedAt(), state.endedAt(), new PublicMaintenanceUpdate(
                    posted.updateId(), posted.status(), posted.message(), posted.occurredAt(), posted.recordedAt()));
        }
        if (event instanceof MaintenanceStarted started) {
            return state.changed(MaintenanceStatus.IN_PROGRESS, started.occurredAt(), null, new PublicMaintenanceUpdate(
                    started.updateId(), MaintenanceStatus.IN_PROGRESS, started.message(), started.occurredAt(),
                    started.recordedAt()));
        }
        if (event instanceof MaintenanceCompleted completed) {
            return state.changed(MaintenanceStatus.COMPLETED, state.startedAt(), completed.occurredAt(),
                    new PublicMaintenanceUpdate(completed.updateId(), MaintenanceStatus.COMPLETED, completed.message(),
                            completed.occurredAt(), completed.recordedAt()));
        }
        if (event instanceof MaintenanceCancelled cancelled) {
            return state.changed(MaintenanceStatus.CANCELLED, null, cancelled.occurredAt(),
                    new PublicMaintenanceUpdate(cancelled.updateId(), MaintenanceStatus.CANCELLED, cancelled.message(),
                            cancelled.occurredAt(), cancelled.recordedAt()));
        }
        return state;
    }
}
