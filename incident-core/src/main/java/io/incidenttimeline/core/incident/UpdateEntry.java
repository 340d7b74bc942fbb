package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.shared.Visibility;

/** What the aggregate remembers of one update to decide later commands about it. */
record UpdateEntry(String message, Visibility visibility, boolean retracted) {

    boolean internal() {
        return visibility == Visibility.INTERNAL;
    }

    UpdateEntry amendedTo(String newMessage) {
        return new UpdateEntry(newMessage, visibility, false);
    }

    UpdateEntry retract() {
        return new UpdateEntry(message, visibility, true);
    }
}
