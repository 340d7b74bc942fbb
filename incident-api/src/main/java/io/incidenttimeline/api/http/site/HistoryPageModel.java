package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.read.publicapi.IncidentNotices;
import io.incidenttimeline.api.http.read.publicapi.LocalizedIncident;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds the history page. Months are the reader's (an incident declared at 23:30 UTC on 31 July is an August one in
 * Berlin); page 1 holds the current month and the {@link #MONTHS_PER_PAGE}−1 before it, as Statuspage's history does.
 * Only incidents the public may see are listed or counted.
 */
@Component
class HistoryPageModel {

    static final int MONTHS_PER_PAGE = 3;

    private final IncidentNotices notices;

    HistoryPageModel(IncidentNotices notices) {
        this.notices = notices;
    }

    /** The number of pages from now back to the month of the oldest declaration (1 when there is none). */
    static int pages(List<Instant> declarations, ZoneId zone, Instant now) {
        if (declarations.isEmpty()) {
            return 1;
        }
        YearMonth oldest = YearMonth.from(declarations.get(0).atZone(zone));
        long back = Math.max(0, ChronoUnit.MONTHS.between(oldest, YearMonth.from(now.atZone(zone))));
        return (int) (back / MONTHS_PER_PAGE) + 1;
    }

    /** The months of page {@code page}, newest first. */
    static List<YearMonth> monthsOf(int page, ZoneId zone, Instant now) {
        YearMonth newest = YearMonth.from(now.atZone(zone)).minusMonths((long) (page - 1) * MONTHS_PER_PAGE);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS_PER_PAGE; i++) {
            months.add(newest.minusMonths(i));
        }
        return months;
    }

    static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param incidents the public incidents declared within the months shown
     * @param page      the page shown, or 0 when {@code single} is one month asked for by name
     */
    HistoryView of(List<YearMonth> months, int page, int pages, List<PublicIncident> incidents, List<Instant> declarations,
                   PageView view, PageReader reader, Words words, Instant now) {
        ZoneId zone = reader.zone();
        DateTimeFormatter label = DateTimeFormatter.ofPattern("LLLL yyyy", words.locale());
        BiFunction<Integer, String, String> link = (p, m) -> PageLinks.history(reader.lang(), reader.tz(), p, m);
        List<HistoryView.MonthView> shown = months.stream().map(month -> new HistoryView.MonthView(
                label.format(month), month.toString(), link.apply(null, month.toString()),
                incidents.stream().filter(i -> YearMonth.from(i.declaredAt().atZone(zone)).equals(month))
                        .map(i -> line(i, view, reader, now)).toList())).toList();

        TreeMap<YearMonth, Long> counts = declarations.stream()
                .collect(Collectors.groupingBy(at -> YearMonth.from(at.atZone(zone)), TreeMap::new, Collectors.counting()));
        Map<Integer, List<HistoryView.ArchiveMonth>> years = new TreeMap<>(Comparator.reverseOrder());
        counts.descendingMap().forEach((month, count) -> years
                .computeIfAbsent(month.getYear(), y -> new ArrayList<>()).add(new HistoryView.ArchiveMonth(
                        label.format(month), month.toString(), link.apply(null, month.toString()), count.intValue())));
        List<HistoryView.YearView> archive = years.entrySet().stream()
                .map(e -> new HistoryView.YearView(e.getKey(), e.getValue())).toList();

        boolean single = page == 0;
        String newer = single || page <= 1 ? null : link.apply(page - 1, null);
        String older = single || page >= pages ? null : link.apply(page + 1, null);
        return new HistoryView(shown, page, pages, newer, older, single, archive,
                PageLinks.index(reader.lang(), reader.tz()), link.apply(null, null));
    }

    private HistoryView.HistoryLine line(PublicIncident incident, PageView page, PageReader reader, Instant now) {
        LocalizedIncident localized = LocalizedIncident.render(incident, page.catalogue(), reader.preferences(), now,
                notices);
        return new HistoryView.HistoryLine(incident.id(), PageLinks.incident(incident.id(), reader.lang(), reader.tz()),
                localized.locale(), localized.machineTranslated(), localized.title(), localized.impact(),
                localized.status(), Moment.of(incident.declaredAt(), reader.zone()),
                Moment.of(incident.resolvedAt(), reader.zone()));
    }
}
