package io.incidenttimeline.api.application;

import io.incidenttimeline.core.component.DefineComponent;
import io.incidenttimeline.core.component.RetireComponent;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.maintenance.command.PostMaintenanceUpdate;
import io.incidenttimeline.core.maintenance.command.ScheduleMaintenance;
import io.incidenttimeline.core.template.ChangeTemplate;
import io.incidenttimeline.core.template.CreateTemplate;
import io.incidenttimeline.core.template.RetireTemplate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/** The result of each command the domain accepts: the ids it names, as callers know them, and the new version. */
final class CommandResults {

    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private CommandResults() {
    }

    /** @param existed whether the command's aggregate existed before it */
    static CommandResult of(Object command, long version, boolean existed) {
        if (command instanceof DeclareIncident declare) {
            return new CommandResult(version, declare.incidentId(), declare.initialUpdateId(), true, false);
        }
        if (command instanceof PostUpdate update) {
            return new CommandResult(version, update.incidentId(), update.updateId(), false, false);
        }
        if (command instanceof ScheduleMaintenance schedule) {
            return new CommandResult(version, schedule.maintenanceId(), schedule.updateId(), true, false);
        }
        if (command instanceof PostMaintenanceUpdate update) {
            return new CommandResult(version, update.maintenanceId(), update.updateId(), false, false);
        }
        if (command instanceof DefineComponent define) {
            return new CommandResult(version, define.componentId(), null, !existed, false);
        }
        if (command instanceof RetireComponent retire) {
            return new CommandResult(version, retire.componentId(), null, false, false);
        }
        if (command instanceof CreateTemplate create) {
            return new CommandResult(version, create.name(), null, true, false);
        }
        if (command instanceof ChangeTemplate change) {
            return new CommandResult(version, change.name(), null, false, false);
        }
        if (command instanceof RetireTemplate retire) {
            return new CommandResult(version, retire.name(), null, false, false);
        }
        return new CommandResult(version, aggregateId(command), null, false, false);
    }

    /** The id of the incident or maintenance a command addresses, as callers know it. */
    private static String aggregateId(Object command) {
        String target = TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        return MaintenanceIds.isMaintenanceStream(target) ? MaintenanceIds.maintenanceId(target) : target;
    }
}
