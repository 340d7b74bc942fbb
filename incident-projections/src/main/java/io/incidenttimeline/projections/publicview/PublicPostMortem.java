package io.incidenttimeline.projections.publicview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The latest published revision of the post-mortem, with which remediation items are done. */
public record PublicPostMortem(int revision, String summary, String rootCause, String resolution, List<Item> remediation,
                               Instant publishedAt, Instant revisedAt) {

    /** {@code completedAt} is when it was completed (null if open, or completed before the time was kept). */
    public record Item(String id, String title, String owner, LocalDate dueDate, boolean completed,
                       Instant completedAt) {
    }

    PublicPostMortem completed(String itemId, Instant at) {
        List<Item> items = remediation.stream()
                .map(item -> item.id().equals(itemId)
                        ? new Item(item.id(), item.title(), item.owner(), item.dueDate(), true, at) : item)
                .toList();
        return new PublicPostMortem(revision, summary, rootCause, resolution, items, publishedAt, revisedAt);
    }
}
