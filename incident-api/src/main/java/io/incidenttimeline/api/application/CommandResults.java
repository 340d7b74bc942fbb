package io.incidenttimeline.api.application;

import io.incidenttimeline.core.component.DefineComponent;
import io.incidenttimeline.core.incident.command.AddTranslation;
import io.incidenttimeline.core.incident.command.AmendUpdate;
import io.incidenttimeline.core.incident.command.ChangeImpact;
import io.incidenttimeline.core.incident.command.CompleteRemediationItem;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.incident.command.PublishPostMortem;
import io.incidenttimeline.core.incident.command.RecordImpactWindow;
import io.incidenttimeline.core.incident.command.RetractUpdate;
import io.incidenttimeline.core.maintenance.command.CancelMaintenance;
import io.incidenttimeline.core.maintenance.command.CompleteMaintenance;
import io.incidenttimeline.core.maintenance.command.PostMaintenanceUpdate;
import io.incidenttimeline.core.maintenance.command.ScheduleMaintenance;
import io.incidenttimeline.core.maintenance.command.StartMaintenance;

/** The result of each command the domain accepts: the ids it names, as callers know them, and the new version. */
final class CommandResults {

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
        return new CommandResult(version, aggregateId(command), null, false, false);
    }

    /** The id of the incident or maintenance a command addresses, as callers know it; null for any other command. */
    private static String aggregateId(Object command) {
        if (command instanceof AmendUpdate c) {
            return c.incidentId();
        }
        if (command instanceof RetractUpdate c) {
            return c.incidentId();
        }
        if (command instanceof RecordImpactWindow c) {
            return c.incidentId();
        }
        if (command instanceof ChangeImpact c) {
            return c.incidentId();
        }
        if (command instanceof AddTranslation c) {
            return c.incidentId();
        }
        if (command instanceof PublishPostMortem c) {
            return c.incidentId();
        }
        if (command instanceof CompleteRemediationItem c) {
            return c.incidentId();
        }
        if (command instanceof StartMaintenance c) {
            return c.maintenanceId();
        }
        if (command instanceof CompleteMaintenance c) {
            return c.maintenanceId();
        }
        if (command instanceof CancelMaintenance c) {
            return c.maintenanceId();
        }
        return null;
    }
}
