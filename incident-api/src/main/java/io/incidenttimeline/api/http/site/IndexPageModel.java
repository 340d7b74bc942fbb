package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.read.publicapi.IncidentNotices;
import io.incidenttimeline.api.http.read.publicapi.LocalizedIncident;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.componenthistory.Uptime;
import io.incidenttimeline.projections.componenthistory.UptimeBar;
import io.incidenttimeline.projections.componenthistory.UptimeDay;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the front page from the public view, the component status history and the maintenance schedule. */
@Component
class IndexPageModel {

    static final int HISTORY_DAYS = 14;
    private static final Map<String, String> TOP_LEVEL = Map.of(
            "All Systems Operational", "top.none", "Service Under Maintenance", "top.maintenance",
            "Minor Service Outage", "top.minor.outage", "Degraded System Service", "top.minor.degraded",
            "Partially Degraded Service", "top.minor.partially", "Partial System Outage", "top.major",
            "Major System Outage", "top.critical");

    private final IncidentNotices notices;

    IndexPageModel(IncidentNotices notices) {
        this.notices = notices;
    }

    IndexView of(PageView page, UptimeBars.Bars bars, List<PublicIncident> recent,
                 List<MaintenanceSchedule.ScheduledMaintenance> maintenance, PageReader reader, Words words, Instant now) {
        ZoneId zone = reader.zone();
        String statusKey = statusKey(page);
        return new IndexView(page.status().indicator(), words.get(statusKey),
                page.unresolved().stream().map(i -> line(i, page, reader, now)).toList(),
                maintenance.stream().map(m -> new IndexView.MaintenanceLine(m.name(), m.inProgress(),
                        Moment.of(m.scheduledFor(), zone), Moment.of(m.scheduledUntil(), zone), m.componentNames(),
                        m.latestMessage())).toList(),
                groups(page, bars, words), Uptime.DAYS,
                history(recent, page, reader, words, now), PageLinks.history(reader.lang(), reader.tz(), null, null));
    }

    /** The key of the page's words for its overall status ("All Systems Operational"). */
    static String statusKey(PageView page) {
        return TOP_LEVEL.getOrDefault(page.status().description(), "top.none");
    }

    private IndexView.IncidentLine line(PublicIncident incident, PageView page, PageReader reader, Instant now) {
        LocalizedIncident localized = LocalizedIncident.render(incident, page.catalogue(),
                reader.preferences(), now, notices);
        LocalizedIncident.Update latest = localized.updates().get(0);
        return new IndexView.IncidentLine(incident.id(), PageLinks.incident(incident.id(), reader.lang(), reader.tz()),
                localized.locale(), localized.machineTranslated(), localized.title(), localized.impact(),
                localized.status(), latest.body(),
                Moment.of(incident.updatesNewestFirst().get(0).occurredAt(), reader.zone()));
    }

    private static List<IndexView.GroupView> groups(PageView page, UptimeBars.Bars bars, Words words) {
        Map<String, List<IndexView.ComponentRow>> groups = new LinkedHashMap<>();
        List<IndexView.ComponentRow> ungrouped = new ArrayList<>();
        for (PageView.ComponentView view : page.components()) {
            var component = view.component();
            var row = new IndexView.ComponentRow(component.id(), component.name(), component.description(),
                    view.status().wire(), bar(bars.byComponent().get(component.id()), words));
            if (component.group() == null) {
                ungrouped.add(row);
            } else {
                groups.computeIfAbsent(component.group(), g -> new ArrayList<>()).add(row);
            }
        }
        List<IndexView.GroupView> views = new ArrayList<>();
        groups.forEach((name, rows) -> views.add(new IndexView.GroupView(name, rows)));
        if (!ungrouped.isEmpty()) {
            views.add(new IndexView.GroupView(null, ungrouped));
        }
        return views;
    }

    static IndexView.BarView bar(Map<Integer, UptimeBar> windows, Words words) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(words.locale());
        UptimeBar bar = windows.get(Uptime.DAYS);
        List<IndexView.DayCell> days = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        int index = 0;
        for (UptimeDay day : bar.days()) {
            String when = date.format(day.date());
            String text;
            if (!day.known()) {
                text = words.get("index.day.unknown", when);
            } else if (day.outageMinutes() > 0) {
                text = words.get("index.day.outage", when, words.get("component." + day.worst().wire()), day.outageMinutes());
            } else if (day.degradedMinutes() > 0) {
                text = words.get("index.day.degraded", when, words.get("component." + day.worst().wire()),
                        day.degradedMinutes());
            } else {
                text = words.get("index.day.title", when, words.get("component." + day.worst().wire()));
            }
            int age = bar.days().size() - index++;
            days.add(new IndexView.DayCell(day.known() ? day.worst().wire() : "none", text, hiddenBelow(age)));
            if (day.known() && day.worst() != ComponentStatus.OPERATIONAL) {
                issues.add(0, text);
            }
        }
        List<IndexView.WindowCaption> captions = new ArrayList<>();
        windows.forEach((length, window) -> captions.add(caption(length, window, words)));
        return new IndexView.BarView(days, captions, issues);
    }

    /**
     * The class that hides a day {@code age} days old (1 is today) on the screens whose window it is not in: the widest
     * narrower window it lies beyond ({@code day--beyond-60} for a day 75 days old), or null for a day every window
     * shows.
     */
    private static String hiddenBelow(int age) {
        return UptimeBars.WINDOWS.stream().filter(window -> window < Uptime.DAYS && age > window).findFirst()
                .map(window -> "day--beyond-" + window).orElse(null);
    }

    /** "99.98 % uptime over the last 90 days", or "… since 7 Dec 2026" for a component younger than the window. */
    static IndexView.WindowCaption caption(int length, UptimeBar window, Words words) {
        String start = words.get("index.uptime.start", length);
        if (window.uptimePercent() == null) {
            return new IndexView.WindowCaption(length, start, words.get("index.uptime.unknown"));
        }
        String percent = percent(window.uptimePercent(), words);
        if (window.observedSince() == null) {
            return new IndexView.WindowCaption(length, start, words.get("index.uptime.caption", percent, length));
        }
        String since = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(words.locale())
                .format(window.observedSince().atZone(ZoneOffset.UTC));
        return new IndexView.WindowCaption(length, start, words.get("index.uptime.since", percent, since));
    }

    /** Rounded down, so that a bad day never shows as 100.00 %. */
    static String percent(double uptime, Words words) {
        return String.format(words.locale(), "%.2f %%", Math.floor(uptime * 100) / 100);
    }

    private List<IndexView.HistoryDay> history(Collection<PublicIncident> recent, PageView page, PageReader reader,
                                               Words words, Instant now) {
        ZoneId zone = reader.zone();
        DateTimeFormatter label = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(words.locale());
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<IndexView.HistoryDay> days = new ArrayList<>();
        for (int back = 0; back < HISTORY_DAYS; back++) {
            LocalDate day = today.minusDays(back);
            List<IndexView.IncidentLine> incidents = recent.stream()
                    .filter(i -> LocalDate.ofInstant(i.declaredAt(), zone).equals(day))
                    .map(i -> line(i, page, reader, now)).toList();
            days.add(new IndexView.HistoryDay(label.format(day), day.toString(), incidents));
        }
        return days;
    }

    /** The first moment of the oldest day the history shows, in the reader's zone. */
    static Instant historyStart(ZoneId zone, Instant now) {
        return LocalDate.ofInstant(now, zone).minusDays(HISTORY_DAYS - 1L).atStartOfDay(zone).toInstant();
    }
}
