package io.incidenttimeline.api.subscriber;

import java.util.Locale;

/** A delivery waits for its next attempt, reached the receiver, or was given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
