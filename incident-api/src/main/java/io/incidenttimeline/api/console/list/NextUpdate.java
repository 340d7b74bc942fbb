package io.incidenttimeline.api.console.list;

import io.incidenttimeline.api.console.page.Times;
import java.time.Instant;

/**
 * The next-update promise of an open incident as the list shows it, counting down: "next update due in 12 min", or
 * flagged "overdue by 3 min". console.js recomputes {@code text} every minute from {@code dueAt}; the page is right
 * without it as of when it was served.
 */
public record NextUpdate(Instant dueAt, boolean overdue, String text) {

    public static NextUpdate of(Instant dueAt, Instant now) {
        if (dueAt == null) {
            return null;
        }
        return new NextUpdate(dueAt, now.isAfter(dueAt), Times.countdown(dueAt, now));
    }

    public String iso() {
        return dueAt.toString();
    }

    public String utc() {
        return Times.utc(dueAt);
    }
}
