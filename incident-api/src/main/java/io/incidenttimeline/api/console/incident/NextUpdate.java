package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.http.read.responder.ResponderIncidentView;
import io.incidenttimeline.api.console.page.Times;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The promise of a next update still to be answered, counted down at {@code now}: "due in 12 min", or overdue.
 *
 * @param updateId the update that made the promise
 */
record NextUpdate(String updateId, Instant dueAt, boolean overdue, String countdown, boolean internal) {

    /** The latest unanswered promise of a live update; none once the incident is resolved. */
    static Optional<NextUpdate> of(ResponderIncidentView incident, Instant now) {
        if (incident.resolved()) {
            return Optional.empty();
        }
        return incident.promises().stream().filter(p -> p.answeredBy() == null)
                .max(Comparator.comparing(ResponderIncidentView.Promise::madeAt))
                .map(p -> new NextUpdate(p.updateId(), p.dueAt(), now.isAfter(p.dueAt()), Times.countdown(p.dueAt(), now),
                        p.audience() == Visibility.INTERNAL));
    }
}
