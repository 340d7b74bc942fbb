package io.incidenttimeline.api.maintenance;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.command.GeneratedIds;
import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.projections.maintenance.MaintenanceQueries;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Starts maintenances when their window begins and completes them when it ends, for those that take these steps on
 * their own. It sends the same commands a responder would, as the actor {@code maintenance-scheduler} through the
 * channel {@code scheduler}, so every transition is in the audit trail.
 * <p>
 * The list of due maintenances comes from the maintenance view, which may lag a moment behind the store, and every node
 * runs this: a maintenance may be sent the same transition twice. That is harmless, because the aggregate decides:
 * starting a maintenance under way and completing a completed one change nothing, and a refusal (a maintenance
 * cancelled meanwhile) is logged and left alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "incident.maintenance.auto-transition", havingValue = "true", matchIfMissing = true)
class MaintenanceAutoTransitions implements SchedulingConfigurer {

    static final String ACTOR = "maintenance-scheduler";
    static final String ROLE = "system";
    static final String CHANNEL = "scheduler";

    private static final Logger log = LoggerFactory.getLogger(MaintenanceAutoTransitions.class);

    private final MaintenanceProperties properties;
    private final MaintenanceQueries maintenances;
    private final Commands commands;
    private final Clock clock;

    MaintenanceAutoTransitions(MaintenanceProperties properties, MaintenanceQueries maintenances, Commands commands,
                               Clock clock) {
        this.properties = properties;
        this.maintenances = maintenances;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(() -> {
            try {
                transitionDue();
            } catch (RuntimeException e) {
                log.error("starting or completing due maintenances failed; retrying at the next interval", e);
            }
        }, properties.checkInterval());
    }

    void transitionDue() {
        for (PublicMaintenance maintenance : maintenances.due(clock.instant())) {
            if (maintenance.upcoming()) {
                send(maintenance.id(), MaintenanceStatus.IN_PROGRESS);
            } else if (maintenance.active()) {
                send(maintenance.id(), MaintenanceStatus.COMPLETED);
            }
        }
    }

    private void send(String maintenanceId, MaintenanceStatus target) {
        boolean start = target == MaintenanceStatus.IN_PROGRESS;
        var transition = MaintenanceRequests.Transition.USUAL_MESSAGE;
        var actor = new Actor(ACTOR, ROLE, CHANNEL, "maintenance-" + (start ? "start-" : "complete-") + maintenanceId);
        String updateId = GeneratedIds.next("upd");
        String done = start ? "started" : "completed";
        try {
            commands.send(start ? transition.toStart(maintenanceId, updateId, null)
                    : transition.toComplete(maintenanceId, updateId, null), actor);
            log.info("maintenance {} is {}: its window's edge has passed", maintenanceId, done);
        } catch (CommandRefused refused) {
            log.info("maintenance {} was not {} on its own; the maintenance refused: {}", maintenanceId, done,
                    refused.refusal());
        }
    }
}
