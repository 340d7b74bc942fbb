package io.incidenttimeline.core.accesstoken;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidenttimeline.core.shared.WireEnum;

/** What a personal token may do: the same roles as a configured token's. */
public enum TokenRole implements WireEnum {
    RESPONDER, AUDITOR, ADMIN;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static TokenRole of(String wire) {
        return WireEnum.fromWire(TokenRole.class, wire);
    }
}
