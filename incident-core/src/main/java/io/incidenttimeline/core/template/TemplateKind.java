package io.incidenttimeline.core.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidenttimeline.core.shared.WireEnum;

/** What a template fills in: the declaration of an incident (title and first message) or a later update. */
public enum TemplateKind implements WireEnum {
    DECLARATION, UPDATE;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static TemplateKind of(String wire) {
        return WireEnum.fromWire(TemplateKind.class, wire);
    }
}
