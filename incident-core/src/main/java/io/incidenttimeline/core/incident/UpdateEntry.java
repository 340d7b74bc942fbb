package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;

/** What the aggregate remembers of one update to decide later commands about it. */
record UpdateEntry(String message, Visibility visibility, IncidentStatus status, boolean retracted) {

    boolean internal() {
        return visibility == Visibility.INTERNAL;
    }

    UpdateEntry amendedTo(String newMessage) {
        return new UpdateEntry(newMessage, visibility, status, false);
    }

    UpdateEntry retract() {
        return new UpdateEntry(message, visibility, status, true);
    }

    /** Public and not retracted: the public view shows it. */
    boolean seenByThePublic() {
        return visibility == Visibility.PUBLIC && !retracted;
    }
}
