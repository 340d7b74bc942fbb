package io.incidenttimeline.api.http.infra.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What an API token may do. An admin may also do everything a responder and an auditor may. */
public enum Role {
    RESPONDER, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Role of(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role must be responder, auditor or admin, not " + value));
    }
}
