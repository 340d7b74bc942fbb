package io.incidenttimeline.api.publicapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The public maintenance as the OpenAPI description shows it. {@link LocalizedMaintenance} writes the body; the
 * contract tests check every body against these shapes, so the two cannot drift apart.
 */
public final class PublicMaintenanceSchema {

    private PublicMaintenanceSchema() {
    }

    @Schema(name = "PublicMaintenanceComponent", description = "A component the maintenance takes down, with its status "
            + "on the page now")
    public record Component(String id, String name, String group, String status) {
    }

    @Schema(name = "PublicMaintenanceUpdate")
    public record Update(String id,
                         @Schema(allowableValues = {"scheduled", "in_progress", "completed", "cancelled"}) String status,
                         String body, PublicIncidentSchema.LocalTime displayAt, PublicIncidentSchema.LocalTime createdAt) {
    }

    @Schema(name = "PublicMaintenance", description = "A scheduled maintenance; updates newest first")
    public record Maintenance(@Schema(example = "talk-recordings-storage-2024-07-20") String id, String title,
                              @Schema(allowableValues = {"scheduled", "in_progress", "completed", "cancelled"})
                              String status,
                              @Schema(example = "America/Los_Angeles") String timeZone,
                              PublicIncidentSchema.LocalTime scheduledFor, PublicIncidentSchema.LocalTime scheduledUntil,
                              @Schema(description = "whether it starts on its own when the window begins")
                              boolean autoStart,
                              @Schema(description = "whether it completes on its own when the window ends")
                              boolean autoComplete,
                              PublicIncidentSchema.LocalTime startedAt,
                              @Schema(description = "when it was completed or cancelled")
                              PublicIncidentSchema.LocalTime endedAt,
                              PublicIncidentSchema.LocalTime updatedAt, List<Component> components,
                              List<Update> updates) {
    }
}
