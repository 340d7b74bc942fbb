package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import java.time.Instant;

/** One public message on a maintenance, with the status the maintenance had when it was posted. */
public record PublicMaintenanceUpdate(String id, MaintenanceStatus status, String message, Instant occurredAt,
                                      Instant recordedAt) {
}
