package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The published post-mortem as the aggregate needs it: its revision, content, and which items are done. */
record PostMortemState(int revision, PostMortemSections sections, List<RemediationItem> items, Set<String> completed) {

    static PostMortemState published(PostMortemState previous, PostMortemPublished event) {
        return new PostMortemState(event.revision(),
                new PostMortemSections(event.summary(), event.rootCause(), event.resolution()),
                List.copyOf(event.remediation()), previous == null ? Set.of() : previous.completed());
    }

    PostMortemState withCompleted(String itemId) {
        Set<String> done = new HashSet<>(completed);
        done.add(itemId);
        return new PostMortemState(revision, sections, items, Set.copyOf(done));
    }

    boolean hasItem(String itemId) {
        return items.stream().anyMatch(item -> item.id().equals(itemId));
    }
}
