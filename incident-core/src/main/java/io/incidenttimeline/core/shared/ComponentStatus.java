package io.incidenttimeline.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The status of one component, ordered from healthy to worst outage; maintenance is ranked separately by readers. */
public enum ComponentStatus implements WireEnum {
    OPERATIONAL, UNDER_MAINTENANCE, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ComponentStatus of(String wire) {
        return WireEnum.fromWire(ComponentStatus.class, wire);
    }
}
