package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How an incident was communicated, computed from its public view: time from the start of impact to the first public
 * update, time to resolve, and each "next update by" promise with its outcome. Pure; {@code now} decides only
 * whether an unanswered promise is already broken.
 */
public record IncidentMetrics(String incidentId, Instant impactStartedAt, Instant firstPublicUpdateAt,
                              Duration timeToFirstPublicUpdate, Instant resolvedAt, Duration timeToResolve,
                              List<Promise> promises, long promisesKept, long promisesBroken, long promisesPending) {

    public enum Outcome { KEPT, BROKEN, PENDING }

    /** A promise made by update {@code updateId}, answered (or not) by the next public update. */
    public record Promise(String updateId, Instant madeAt, Instant dueAt, String answeredBy, Instant answeredAt,
                          Outcome outcome) {
    }

    public static IncidentMetrics of(PublicIncident incident, Instant now) {
        List<PublicUpdate> updates = incident.updates().stream()
                .sorted(Comparator.comparing(PublicUpdate::occurredAt).thenComparingInt(PublicUpdate::seq)).toList();
        Instant start = incident.startedAt();
        Instant first = updates.isEmpty() ? null : updates.get(0).occurredAt();
        Instant resolvedAt = incident.resolvedAt();
        List<Promise> promises = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            PublicUpdate update = updates.get(i);
            if (update.nextUpdateDueAt() != null) {
                promises.add(promise(update, i + 1 < updates.size() ? updates.get(i + 1) : null, now));
            }
        }
        return new IncidentMetrics(incident.id(), start, first, between(start, first), resolvedAt,
                between(start, resolvedAt), List.copyOf(promises), count(promises, Outcome.KEPT),
                count(promises, Outcome.BROKEN), count(promises, Outcome.PENDING));
    }

    private static Promise promise(PublicUpdate update, PublicUpdate next, Instant now) {
        Outcome outcome;
        if (next != null) {
            outcome = next.occurredAt().isAfter(update.nextUpdateDueAt()) ? Outcome.BROKEN : Outcome.KEPT;
        } else {
            outcome = now.isAfter(update.nextUpdateDueAt()) ? Outcome.BROKEN : Outcome.PENDING;
        }
        return new Promise(update.id(), update.occurredAt(), update.nextUpdateDueAt(), next == null ? null : next.id(),
                next == null ? null : next.occurredAt(), outcome);
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static long count(List<Promise> promises, Outcome outcome) {
        return promises.stream().filter(p -> p.outcome() == outcome).count();
    }
}
