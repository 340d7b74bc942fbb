package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything responders know of one incident, internal updates included: built by {@link ResponderIncidentFold}
 * from every event of the incident, so {@code version} is the aggregate's version, the one a command's If-Match
 * names. Never served to the public.
 *
 * @param status     the status of the latest update posted, as the incident itself keeps it
 * @param components the affected components and their statuses now, as the incident itself keeps them
 */
public record ResponderIncident(String id, String title, String locale, Impact impact, List<String> regions,
                                Authored declared, long version, IncidentStatus status, Instant resolvedAt,
                                Map<String, ComponentStatus> components, ImpactWindow impactWindow,
                                List<ImpactWindow> impactWindowHistory, List<ImpactChange> impactChanges,
                                List<ResponderUpdate> updates, Map<String, ResponderTranslation> translations,
                                ResponderPostMortem postMortem, Instant updatedAt,
                                List<LifecycleMoment> lifecycle) {

    public ResponderIncident {
        // documents stored before lifecycle times were recorded have none
        lifecycle = lifecycle == null ? List.of() : lifecycle;
    }

    /**
     * A moment of the incident's life as responders recorded it. {@code at} is its time now: the latest recording,
     * or for {@code resolved} the resolving update's time ({@code fromUpdate}) until someone corrects it; null for
     * {@code resolved} while a reopened incident is open again. {@code history} holds every recording, oldest first.
     */
    public record LifecycleMoment(String moment, Instant at, String fromUpdate, List<LifecycleRecording> history) {
    }

    /** One recording of a lifecycle moment: the time it gave, the time it replaced, and why. */
    public record LifecycleRecording(Instant at, Instant previousAt, String reason, Authored recorded) {
    }

    /** When customers were affected, as recorded once; each later recording corrects the earlier. */
    public record ImpactWindow(Instant startedAt, Instant endedAt, String reason, Authored recorded) {
    }

    /** The impact and the complete set of affected components, as one change set them. */
    public record ImpactChange(Impact impact, Map<String, ComponentStatus> components, Authored changed) {
    }

    public enum Outcome { KEPT, BROKEN, PENDING }

    /**
     * A "next update by" promise of update {@code updateId}, answered by the next live update its audience sees: a
     * public promise by the next public update, an internal one by the next update of either kind. Kept when that
     * update was posted by the promised time; broken when it came later, or has not come and the time has passed.
     */
    public record Promise(String updateId, Visibility audience, Instant madeAt, Instant dueAt, String answeredBy,
                          Instant answeredAt, Outcome outcome) {
    }

    public Instant declaredAt() {
        return declared.at();
    }

    public boolean resolved() {
        return status == IncidentStatus.RESOLVED;
    }

    /** On the public page: it has a public update that was not retracted. */
    public boolean visible() {
        return updates.stream().anyMatch(ResponderUpdate::shownPublicly);
    }

    /** Every component the incident has named, in its declaration, any update or any impact change. */
    public TreeSet<String> namedComponents() {
        TreeSet<String> named = new TreeSet<>(components.keySet());
        updates.forEach(update -> named.addAll(update.components().keySet()));
        impactChanges.forEach(change -> named.addAll(change.components().keySet()));
        return named;
    }

    public ResponderUpdate update(String updateId) {
        return updates.stream().filter(u -> u.id().equals(updateId)).findFirst().orElse(null);
    }

    /** Every promise of a live update, in the order the updates were posted; {@code now} decides only lateness. */
    public List<Promise> promises(Instant now) {
        List<ResponderUpdate> live = updates.stream().filter(ResponderUpdate::live).toList();
        List<Promise> promises = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            ResponderUpdate promising = live.get(i);
            if (promising.nextUpdateDueAt() == null) {
                continue;
            }
            ResponderUpdate answer = null;
            for (ResponderUpdate later : live.subList(i + 1, live.size())) {
                if (promising.visibility() == Visibility.INTERNAL || later.visibility() == Visibility.PUBLIC) {
                    answer = later;
                    break;
                }
            }
            Instant due = promising.nextUpdateDueAt();
            Outcome outcome = answer != null ? (answer.posted().at().isAfter(due) ? Outcome.BROKEN : Outcome.KEPT)
                    : now.isAfter(due) ? Outcome.BROKEN : Outcome.PENDING;
            promises.add(new Promise(promising.id(), promising.visibility(), promising.posted().at(), due,
                    answer == null ? null : answer.id(), answer == null ? null : answer.posted().at(), outcome));
        }
        return promises;
    }
}
