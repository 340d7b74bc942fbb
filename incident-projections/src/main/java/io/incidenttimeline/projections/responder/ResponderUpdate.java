package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One update as responders know it: public or internal, its text now and every earlier one, and its retraction.
 * {@code textVersion} is the incident's version when the text last changed, which dates the translations of it.
 */
public record ResponderUpdate(String id, IncidentStatus status, Visibility visibility, String message,
                              Map<String, ComponentStatus> components, Instant nextUpdateDueAt, Authored posted,
                              long textVersion, List<Amendment> amendments, Retraction retraction) {

    /** A correction of the text: what it said before, what it says since, and why. */
    public record Amendment(String previousMessage, String message, String reason, Authored amended) {
    }

    public record Retraction(String reason, Authored retracted) {
    }

    public boolean live() {
        return retraction == null;
    }

    public boolean shownPublicly() {
        return live() && visibility == Visibility.PUBLIC;
    }

    ResponderUpdate amended(Amendment amendment, long version) {
        List<Amendment> all = new ArrayList<>(amendments);
        all.add(amendment);
        return new ResponderUpdate(id, status, visibility, amendment.message(), components, nextUpdateDueAt, posted,
                version, List.copyOf(all), retraction);
    }

    ResponderUpdate retracted(Retraction by) {
        return new ResponderUpdate(id, status, visibility, message, components, nextUpdateDueAt, posted, textVersion,
                amendments, by);
    }
}
