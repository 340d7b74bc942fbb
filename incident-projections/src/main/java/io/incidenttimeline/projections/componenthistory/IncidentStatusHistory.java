package io.incidenttimeline.projections.componenthistory;

import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one incident publicly said about its components, and when: the state the component history is computed from.
 * Internal updates never enter it; a retracted update leaves it again. Pure: no clock, no I/O.
 *
 * @param changes the public changes of component statuses in the order they were told: the declaration and impact
 *                changes replace the whole set, an update changes the components it names and carries the incident's
 *                status
 */
public record IncidentStatusHistory(String incidentId, List<Change> changes, Instant impactStartedAt,
                                    Instant impactEndedAt) {

    /** One public change; {@code updateId} and {@code status} are set for updates only. */
    public record Change(int seq, Instant at, String updateId, IncidentStatus status, boolean replace,
                         Map<String, ComponentStatus> components) {
    }

    /** The history after {@code event}; events that say nothing about component statuses leave it unchanged. */
    public static IncidentStatusHistory apply(IncidentStatusHistory state, Object event) {
        if (event instanceof IncidentDeclared declared) {
            return new IncidentStatusHistory(declared.incidentId(), List.of(new Change(0, declared.occurredAt(), null,
                    null, true, Map.copyOf(declared.components()))), null, null);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof UpdatePosted posted && posted.visibility() == Visibility.PUBLIC) {
            return state.with(new Change(state.nextSeq(), posted.occurredAt(), posted.updateId(), posted.status(), false,
                    Map.copyOf(posted.components())));
        }
        if (event instanceof UpdateRetracted retracted) {
            List<Change> kept = state.changes.stream().filter(c -> !retracted.updateId().equals(c.updateId())).toList();
            return new IncidentStatusHistory(state.incidentId, kept, state.impactStartedAt, state.impactEndedAt);
        }
        if (event instanceof ImpactChanged changed) {
            return state.with(new Change(state.nextSeq(), changed.occurredAt(), null, null, true,
                    Map.copyOf(changed.components())));
        }
        if (event instanceof ImpactWindowRecorded window) {
            return new IncidentStatusHistory(state.incidentId, state.changes, window.startedAt(), window.endedAt());
        }
        return state;
    }

    /** The public sees an incident once it has a public update that was not retracted. */
    public boolean visible() {
        return changes.stream().anyMatch(c -> c.updateId() != null);
    }

    /**
     * The non-operational statuses this incident gave its components. A status holds from the public change that set
     * it until the next change of that component, or until an update resolves the incident (a later non-resolved
     * update reopens it with the statuses it had). Impact is often known only after the fact, so when the impact
     * window is recorded, the statuses told at the incident's first moment are taken to have held since the window's
     * start, and no status outlasts the window's end.
     */
    public List<StatusInterval> intervals() {
        if (!visible()) {
            return List.of();
        }
        List<Change> ordered = changes.stream()
                .sorted(Comparator.comparing(Change::at).thenComparingInt(Change::seq)).toList();
        Map<String, List<StatusInterval>> byComponent = new TreeMap<>();
        Instant first = ordered.get(0).at();
        if (impactStartedAt != null && impactStartedAt.isBefore(first)) {
            Map<String, ComponentStatus> told = new LinkedHashMap<>();
            ordered.stream().filter(c -> c.at().equals(first)).forEach(c -> apply(told, c));
            add(byComponent, told, impactStartedAt, first);
        }
        Map<String, ComponentStatus> current = new LinkedHashMap<>();
        boolean open = true;
        for (int i = 0; i < ordered.size(); i++) {
            Change change = ordered.get(i);
            apply(current, change);
            if (change.status() != null) {
                open = change.status() != IncidentStatus.RESOLVED;
            }
            Instant to = i + 1 < ordered.size() ? ordered.get(i + 1).at() : null;
            if (open && (to == null || to.isAfter(change.at()))) {
                add(byComponent, current, change.at(), to);
            }
        }
        List<StatusInterval> intervals = new ArrayList<>();
        byComponent.values().forEach(list -> list.stream().map(this::clippedToImpactEnd)
                .filter(Objects::nonNull).forEach(intervals::add));
        return intervals;
    }

    private static void apply(Map<String, ComponentStatus> statuses, Change change) {
        if (change.replace()) {
            statuses.clear();
        }
        statuses.putAll(change.components());
    }

    /** Adds the non-operational statuses over [from, to), joining each to its component's previous interval. */
    private static void add(Map<String, List<StatusInterval>> byComponent, Map<String, ComponentStatus> statuses,
                            Instant from, Instant to) {
        statuses.forEach((component, status) -> {
            if (status == ComponentStatus.OPERATIONAL) {
                return;
            }
            List<StatusInterval> intervals = byComponent.computeIfAbsent(component, c -> new ArrayList<>());
            StatusInterval last = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
            if (last != null && last.status() == status && from.equals(last.endedAt())) {
                intervals.set(intervals.size() - 1, new StatusInterval(component, status, last.startedAt(), to));
            } else {
                intervals.add(new StatusInterval(component, status, from, to));
            }
        });
    }

    private StatusInterval clippedToImpactEnd(StatusInterval interval) {
        if (impactEndedAt == null || (interval.endedAt() != null && !interval.endedAt().isAfter(impactEndedAt))) {
            return interval;
        }
        return impactEndedAt.isAfter(interval.startedAt())
                ? new StatusInterval(interval.componentId(), interval.status(), interval.startedAt(), impactEndedAt)
                : null;
    }

    private int nextSeq() {
        return changes.stream().mapToInt(Change::seq).max().orElse(-1) + 1;
    }

    private IncidentStatusHistory with(Change change) {
        List<Change> more = new ArrayList<>(changes);
        more.add(change);
        return new IncidentStatusHistory(incidentId, List.copyOf(more), impactStartedAt, impactEndedAt);
    }
}
