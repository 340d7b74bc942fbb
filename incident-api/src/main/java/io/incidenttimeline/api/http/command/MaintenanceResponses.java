package io.incidenttimeline.api.http.command;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the maintenance command endpoints answer: the maintenance's version after the command, also sent as the ETag. */
public final class MaintenanceResponses {

    private MaintenanceResponses() {
    }

    /** A scheduling or an update: names the message posted, whose id was generated. */
    @Schema(name = "MaintenanceUpdateAccepted")
    public record UpdateAccepted(String maintenanceId, String updateId, long version) {
    }

    /** A start, completion or cancellation: the status the maintenance is in now (also when nothing changed). */
    @Schema(name = "MaintenanceTransitioned")
    public record Transitioned(String maintenanceId,
                               @Schema(allowableValues = {"in_progress", "completed", "cancelled"}) String status,
                               long version) {
    }
}
