package io.incidenttimeline.api.http.site;

import java.util.List;

/**
 * The history page: some months, newest first, each with its public incidents; links to newer and older months;
 * and every month that had a public incident, by year, so that an old incident is two clicks from the front page.
 *
 * @param newer  the page of newer months, or null on the first
 * @param older  the page of older months, or null on the last
 * @param single     true when the page shows one month asked for by {@code ?month=}
 * @param home       the front page, with the reader's {@code lang} and {@code tz}
 * @param archiveUrl the first page of the history
 */
record HistoryView(List<MonthView> months, int page, int pages, String newer, String older, boolean single,
                   List<YearView> archive, String home, String archiveUrl) {

    record MonthView(String label, String iso, String url, List<HistoryLine> incidents) {
    }

    /** An incident as the history lists it: its title, impact, when it was declared and resolved (null if open). */
    record HistoryLine(String id, String url, String lang, boolean machineTranslated, String title, String impact,
                       String status, Moment declaredAt, Moment resolvedAt) {
    }

    record YearView(int year, List<ArchiveMonth> months) {
    }

    record ArchiveMonth(String label, String iso, String url, int incidents) {
    }
}
