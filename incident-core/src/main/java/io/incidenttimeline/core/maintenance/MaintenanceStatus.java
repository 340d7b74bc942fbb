package io.incidenttimeline.core.maintenance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidenttimeline.core.shared.WireEnum;

/**
 * Where a scheduled maintenance is in its life: announced, under way, or over (completed after it ran, cancelled
 * before it started).
 */
public enum MaintenanceStatus implements WireEnum {
    SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static MaintenanceStatus of(String wire) {
        return WireEnum.fromWire(MaintenanceStatus.class, wire);
    }

    public boolean ended() {
        return this == COMPLETED || this == CANCELLED;
    }
}
