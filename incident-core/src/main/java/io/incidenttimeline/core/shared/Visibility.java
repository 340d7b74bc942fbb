package io.incidenttimeline.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an update may reach the public status view. Internal content never does. */
public enum Visibility implements WireEnum {
    PUBLIC, INTERNAL;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Visibility of(String wire) {
        return WireEnum.fromWire(Visibility.class, wire);
    }
}
