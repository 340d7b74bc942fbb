package io.incidenttimeline.api.http.command;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.incidenttimeline.core.maintenance.command.CancelMaintenance;
import io.incidenttimeline.core.maintenance.command.CompleteMaintenance;
import io.incidenttimeline.core.maintenance.command.PostMaintenanceUpdate;
import io.incidenttimeline.core.maintenance.command.ScheduleMaintenance;
import io.incidenttimeline.core.maintenance.command.StartMaintenance;
import io.incidenttimeline.core.shared.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of the maintenance command endpoints. Field names are the API contract; the rules on the values live
 * in the domain, which names the offending field when it refuses one.
 */
public final class MaintenanceRequests {

    private MaintenanceRequests() {
    }

    /** {@code id} is generated when absent; {@code autoStart} and {@code autoComplete} default to true. */
    @Schema(name = "MaintenanceSchedule")
    public record Schedule(@Schema(example = "talk-recordings-storage-2024-07-20") String id,
                           @Schema(requiredMode = REQUIRED, maxLength = Text.TITLE_MAX,
                                   example = "Storage migration for Talk call recordings") String title,
                           @Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String message,
                           @Schema(description = "ids of catalogue components under maintenance while it runs")
                           List<String> components,
                           @Schema(requiredMode = REQUIRED, description = "when the window begins; at most 5 minutes "
                                   + "in the past, at most 366 days ahead") Instant scheduledFor,
                           @Schema(requiredMode = REQUIRED, description = "when the window ends; after scheduledFor, "
                                   + "at most 31 days later") Instant scheduledUntil,
                           @Schema(description = "start on its own when the window begins (default true)")
                           Boolean autoStart,
                           @Schema(description = "complete on its own when the window ends (default true)")
                           Boolean autoComplete) {

        ScheduleMaintenance toCommand(String maintenanceId, String updateId) {
            return new ScheduleMaintenance(maintenanceId, title, message, components, scheduledFor, scheduledUntil,
                    autoStart, autoComplete, updateId);
        }
    }

    @Schema(name = "MaintenanceUpdate")
    public record Update(@Schema(requiredMode = REQUIRED, maxLength = Text.MESSAGE_MAX) String message) {

        PostMaintenanceUpdate toCommand(String maintenanceId, String updateId, Long expectedVersion) {
            return new PostMaintenanceUpdate(maintenanceId, updateId, message, expectedVersion);
        }
    }

    /** The body of start, complete and cancel, all optional: without a message, the usual one is posted. */
    @Schema(name = "MaintenanceTransition")
    public record Transition(@Schema(maxLength = Text.MESSAGE_MAX) String message) {

        static final Transition USUAL_MESSAGE = new Transition(null);

        StartMaintenance toStart(String maintenanceId, String updateId, Long expectedVersion) {
            return new StartMaintenance(maintenanceId, updateId, message, expectedVersion);
        }

        CompleteMaintenance toComplete(String maintenanceId, String updateId, Long expectedVersion) {
            return new CompleteMaintenance(maintenanceId, updateId, message, expectedVersion);
        }

        CancelMaintenance toCancel(String maintenanceId, String updateId, Long expectedVersion) {
            return new CancelMaintenance(maintenanceId, updateId, message, expectedVersion);
        }
    }
}
