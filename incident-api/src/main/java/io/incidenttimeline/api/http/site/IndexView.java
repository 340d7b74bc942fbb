package io.incidenttimeline.api.http.site;

import java.util.List;

/** What the front page shows: the overall status, open incidents, maintenance, components with uptime, history. */
record IndexView(String indicator, String statusText, List<IncidentLine> active, List<MaintenanceLine> maintenance,
                 List<GroupView> groups, int uptimeDays, List<HistoryDay> history) {

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
     * @param uptime  the uptime text over the window, or null without data
     * @param days    oldest first, each with its colour class and its text (worst status, minutes of outage)
     * @param issues  the texts of the days that were not fully operational, newest first
     */
    record BarView(String uptime, List<DayCell> days, List<String> issues) {
    }

    record DayCell(String css, String text) {
    }

    record HistoryDay(String label, String iso, List<IncidentLine> incidents) {
    }
}
