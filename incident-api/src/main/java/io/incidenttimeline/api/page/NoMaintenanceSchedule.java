package io.incidenttimeline.api.page;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The schedule of a domain without maintenance windows: there are none to show, as the Statuspage documents say too
 * ({@code scheduled_maintenances: []}). A read model of scheduled maintenance takes its place by implementing
 * {@link MaintenanceSchedule}.
 */
@Component
class NoMaintenanceSchedule implements MaintenanceSchedule {

    @Override
    public List<ScheduledMaintenance> upcomingAndActive(Instant now) {
        return List.of();
    }
}
