package io.incidenttimeline.api.http.site;

import io.incidenttimeline.projections.maintenance.MaintenanceQueries;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceUpdate;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The status page's maintenance schedule, from the maintenance view: announced and under way, soonest first. */
@Component
class ReadModelMaintenanceSchedule implements MaintenanceSchedule {

    private final MaintenanceQueries maintenances;
    private final PublicViewQueries publicView;

    ReadModelMaintenanceSchedule(MaintenanceQueries maintenances, PublicViewQueries publicView) {
        this.maintenances = maintenances;
        this.publicView = publicView;
    }

    @Override
    public List<ScheduledMaintenance> upcomingAndActive(Instant now) {
        List<PublicComponent> catalogue = publicView.components().stream().sorted(PageView.BY_POSITION).toList();
        return maintenances.forPage().stream().filter(m -> m.upcoming() || m.active())
                .sorted(Comparator.comparing(PublicMaintenance::scheduledFor).thenComparing(PublicMaintenance::id))
                .map(m -> new ScheduledMaintenance(m.id(), m.title(), m.active(), m.scheduledFor(), m.scheduledUntil(),
                        catalogue.stream().filter(c -> m.affects(c.id())).map(PublicComponent::name).toList(),
                        latestMessage(m), m.updatedAt()))
                .toList();
    }

    private static String latestMessage(PublicMaintenance maintenance) {
        List<PublicMaintenanceUpdate> newestFirst = maintenance.updatesNewestFirst();
        return newestFirst.isEmpty() ? null : newestFirst.get(0).message();
    }
}
