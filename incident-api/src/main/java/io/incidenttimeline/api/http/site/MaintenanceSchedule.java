package io.incidenttimeline.api.http.site;

import java.time.Instant;
import java.util.List;

/**
 * Where the status page learns of scheduled maintenance: the windows in progress and those still to come. The page
 * renders whatever this answers ({@link ReadModelMaintenanceSchedule}: the maintenance view).
 */
public interface MaintenanceSchedule {

    /** Maintenance in progress or scheduled to begin after {@code now}, soonest first. */
    List<ScheduledMaintenance> upcomingAndActive(Instant now);

    /**
     * One maintenance window as the public may see it.
     *
     * @param inProgress     whether it has begun (and not ended)
     * @param componentNames the names of the components it affects, in page order
     * @param latestMessage  its latest public message, in its authoritative language, or null
     * @param updatedAt      when its public facts last changed (dates the page)
     */
    record ScheduledMaintenance(String id, String name, boolean inProgress, Instant scheduledFor, Instant scheduledUntil,
                                List<String> componentNames, String latestMessage, Instant updatedAt) {
    }
}
