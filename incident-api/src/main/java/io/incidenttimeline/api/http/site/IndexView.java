package io.incidenttimeline.api.http.site;

import java.util.List;

/** What the front page shows: the overall status, open incidents, maintenance, components with uptime, history. */
record IndexView(String indicator, String statusText, List<IncidentLine> active, List<MaintenanceLine> maintenance,
                 List<GroupView> groups, int uptimeDays, List<HistoryDay> history, String historyUrl) {

    /** An incident in a list, in the reader's language (flagged when machine-translated), with its latest update. */
    record IncidentLine(String id, String url, String lang, boolean machineTranslated, String title, String impact,
                        String status, String latest, Moment latestAt) {
    }

    record MaintenanceLine(String name, boolean inProgress, Moment from, Moment until, List<String> components,
                           String message) {
    }

    /** Components of one group in position order; {@code name} is null for components without a group. */
    record GroupView(String name, List<ComponentRow> components) {
    }

    record ComponentRow(String id, String name, String description, String status, BarView bar) {
    }

    /**
     * @param days    oldest first, each with its colour class and its text (worst status, minutes of outage)
     * @param windows the captions of each window the page may show (90, 60, 30 days), widest first
     * @param issues  the texts of the days that were not fully operational, newest first
     */
    record BarView(List<DayCell> days, List<WindowCaption> windows, List<String> issues) {
    }

    /** @param hidden the class that hides the day on narrower screens (its window is wider than theirs), or null */
    record DayCell(String css, String text, String hidden) {
    }

    /**
     * What the caption under the bar says for one window: where it starts and the uptime over it, or since when for a
     * component younger than the window.
     *
     * @param days   the window's length, for the class that shows it on its screens
     * @param start  where the bar starts, "90 days ago"
     * @param uptime "99.98 % uptime over the last 90 days", "100.00 % uptime since 7 Dec 2026", or "no data yet"
     */
    record WindowCaption(int days, String start, String uptime) {
    }

    record HistoryDay(String label, String iso, List<IncidentLine> incidents) {
    }
}
