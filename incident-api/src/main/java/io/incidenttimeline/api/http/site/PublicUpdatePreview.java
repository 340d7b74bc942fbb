package io.incidenttimeline.api.http.site;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * An update not posted yet, as the public incident page would show it: the model of {@code page/update :: update},
 * the fragment the page itself renders each update with, so a preview shows what readers will see.
 */
public final class PublicUpdatePreview {

    private PublicUpdatePreview() {
    }

    /**
     * The public page's view of an update with {@code status} (its wire name) and {@code message}, posted at
     * {@code postedAt}, promising the next one by {@code nextUpdateDueAt} (or null), in UTC; the promise marked as
     * still due only where the page shows promise outcomes.
     */
    public static Object of(String status, String message, Instant postedAt, Instant nextUpdateDueAt,
                            PageOptions page) {
        return new IncidentView.UpdateView("preview", status, message, Moment.of(postedAt, ZoneOffset.UTC), false,
                null, Moment.of(nextUpdateDueAt, ZoneOffset.UTC),
                nextUpdateDueAt == null || !page.showPromiseOutcomes() ? null : "pending");
    }
}
