package io.incidenttimeline.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The public lifecycle of an incident, as status pages show it. */
public enum IncidentStatus implements WireEnum {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static IncidentStatus of(String wire) {
        return WireEnum.fromWire(IncidentStatus.class, wire);
    }
}
