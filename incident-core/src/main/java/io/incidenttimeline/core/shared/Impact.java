package io.incidenttimeline.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Public severity of an incident, ordered from least to most severe. */
public enum Impact implements WireEnum {
    NONE, MINOR, MAJOR, CRITICAL;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Impact of(String wire) {
        return WireEnum.fromWire(Impact.class, wire);
    }
}
