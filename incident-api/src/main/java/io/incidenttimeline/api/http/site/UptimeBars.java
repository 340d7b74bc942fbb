package io.incidenttimeline.api.http.site;

import io.incidenttimeline.projections.componenthistory.ComponentHistoryProjection;
import io.incidenttimeline.projections.componenthistory.StatusInterval;
import io.incidenttimeline.projections.componenthistory.Uptime;
import io.incidenttimeline.projections.componenthistory.UptimeBar;
import io.incidenttimeline.projections.publicview.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Each component's uptime bar over {@link Uptime#DAYS} UTC days, from the component status history, and its uptime
 * over each of the {@link #WINDOWS} a narrower screen shows (the page hides the oldest days there, so its words must
 * be about the days it shows).
 */
@Component
class UptimeBars {

    /** The windows the page shows, widest first: 90 days on a wide screen, 60 below ~900px, 30 below ~600px. */
    static final List<Integer> WINDOWS = List.of(Uptime.DAYS, 60, 30);

    /** @param byComponent per component, its bar over each of {@link #WINDOWS}, widest first */
    record Bars(Map<String, Map<Integer, UptimeBar>> byComponent) {

        UptimeBar full(String componentId) {
            Map<Integer, UptimeBar> windows = byComponent.get(componentId);
            return windows == null ? null : windows.get(Uptime.DAYS);
        }
    }

    private final ComponentHistoryProjection history;

    UptimeBars(ComponentHistoryProjection history) {
        this.history = history;
    }

    Bars of(List<PageView.ComponentView> components, Instant now) {
        Instant from = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(Uptime.DAYS - 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<StatusInterval>> intervals = history.intervals(from, now).stream()
                .collect(Collectors.groupingBy(StatusInterval::componentId));
        Map<String, Map<Integer, UptimeBar>> bars = new LinkedHashMap<>();
        for (PageView.ComponentView view : components) {
            var component = view.component();
            Map<Integer, UptimeBar> windows = new LinkedHashMap<>();
            List<StatusInterval> own = intervals.getOrDefault(component.id(), List.of());
            Instant asOf = asOf(component.definedAt(), own, now);
            for (int days : WINDOWS) {
                windows.put(days, Uptime.bar(own, component.definedAt(), asOf, days));
            }
            bars.putIfAbsent(component.id(), windows);
        }
        return new Bars(bars);
    }

    /**
     * The bars are figured as of the start of the current minute, their resolution, unless the component changed
     * within it (its definition, or an interval's start or end): then as of now, so that the change shows at once.
     * Figured always as of the very moment, a component younger than the window, whose uptime runs over its own
     * lifetime, would have a new percentage with every second of an ongoing outage, and the page a new ETag on every
     * request.
     */
    static Instant asOf(Instant definedAt, List<StatusInterval> intervals, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        List<Instant> changes = new ArrayList<>();
        changes.add(definedAt);
        for (StatusInterval interval : intervals) {
            changes.add(interval.startedAt());
            changes.add(interval.endedAt());
        }
        boolean changedThisMinute = changes.stream().anyMatch(change -> change != null && change.isAfter(minute));
        return changedThisMinute ? now : minute;
    }
}
