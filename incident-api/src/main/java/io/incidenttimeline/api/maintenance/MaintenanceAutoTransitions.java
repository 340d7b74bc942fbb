package io.incidenttimeline.api.maintenance;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.incidenttimeline.core.maintenance.Maintenance;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.maintenance.MaintenanceQueries;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the maintenances of a store from before the windows' deadlines theirs: at start-up, every maintenance that
 * takes its next step on its own and has no deadline (none was scheduled when it was) gets one at its window's edge,
 * or at once if the edge has passed. The maintenance decides at the deadline, so a deadline too many changes nothing.
 */
@Component
@ConditionalOnProperty(name = "incident.maintenance.auto-transition", havingValue = "true", matchIfMissing = true)
class MaintenanceAutoTransitions {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceAutoTransitions.class);
    private static final String AGGREGATE_TYPE = Maintenance.class.getSimpleName();

    private final MaintenanceQueries maintenances;
    private final DeadlineManager deadlines;
    private final Scheduler scheduler;
    private final Task<DbSchedulerBinaryDeadlineDetails> deadlineTask;
    private final Serializer serializer;

    MaintenanceAutoTransitions(MaintenanceQueries maintenances, DeadlineManager deadlines, Scheduler scheduler,
                               @Qualifier("deadlineDetailsTask") Task<DbSchedulerBinaryDeadlineDetails> deadlineTask,
                               @Qualifier("eventSerializer") Serializer serializer) {
        this.maintenances = maintenances;
        this.deadlines = deadlines;
        this.scheduler = scheduler;
        this.deadlineTask = deadlineTask;
        this.serializer = serializer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleMissingDeadlines() {
        Set<Object> scheduled = maintenancesWithDeadlines();
        for (PublicMaintenance maintenance : maintenances.upcoming()) {
            if (maintenance.autoStart()) {
                scheduleIfMissing(scheduled, maintenance, maintenance.scheduledFor(), Maintenance.WINDOW_STARTS);
            }
        }
        for (PublicMaintenance maintenance : maintenances.inProgress()) {
            if (maintenance.autoComplete()) {
                scheduleIfMissing(scheduled, maintenance, maintenance.scheduledUntil(), Maintenance.WINDOW_ENDS);
            }
        }
    }

    private void scheduleIfMissing(Set<Object> scheduled, PublicMaintenance maintenance, Instant edge, String name) {
        String aggregateId = MaintenanceIds.aggregateId(maintenance.id());
        if (!scheduled.contains(aggregateId)) {
            deadlines.schedule(edge, name, maintenance.id(), new AggregateScopeDescriptor(AGGREGATE_TYPE, aggregateId));
            log.info("maintenance {} had no deadline (scheduled before there were deadlines): {} at {}",
                    maintenance.id(), name, edge);
        }
    }

    private Set<Object> maintenancesWithDeadlines() {
        Set<Object> aggregateIds = new HashSet<>();
        scheduler.fetchScheduledExecutionsForTask(deadlineTask.getName(), DbSchedulerBinaryDeadlineDetails.class,
                execution -> {
                    ScopeDescriptor scope = execution.getData().getDeserializedScopeDescriptor(serializer);
                    if (scope instanceof AggregateScopeDescriptor aggregate) {
                        aggregateIds.add(aggregate.getIdentifier());
                    }
                });
        return aggregateIds;
    }
}
