package io.incidenttimeline.api.http.site;

import io.incidenttimeline.projections.componenthistory.ComponentHistoryProjection;
import io.incidenttimeline.projections.componenthistory.StatusInterval;
import io.incidenttimeline.projections.componenthistory.Uptime;
import io.incidenttimeline.projections.componenthistory.UptimeBar;
import io.incidenttimeline.projections.publicview.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Each component's uptime bar over {@link Uptime#DAYS} UTC days, from the component status history. */
@Component
class UptimeBars {

    record Bars(Map<String, UptimeBar> byComponent) {
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
        Map<String, UptimeBar> bars = components.stream().map(PageView.ComponentView::component).collect(Collectors.toMap(
                c -> c.id(), c -> Uptime.bar(intervals.getOrDefault(c.id(), List.of()), c.definedAt(), now, Uptime.DAYS),
                (a, b) -> a));
        return new Bars(bars);
    }
}
