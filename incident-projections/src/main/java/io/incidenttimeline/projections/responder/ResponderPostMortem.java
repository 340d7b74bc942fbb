package io.incidenttimeline.projections.responder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The post-mortem's latest revision, the version at which each section last changed ({@code summary},
 * {@code rootCause}, {@code resolution}), and the remediation items with their completion.
 */
public record ResponderPostMortem(int revision, String summary, String rootCause, String resolution,
                                  Map<String, Long> sectionVersions, List<Item> remediation, Authored firstPublished,
                                  Authored lastRevised) {

    public record Item(String id, String title, String owner, LocalDate dueDate, Authored completed) {

        Item completedBy(Authored by) {
            return new Item(id, title, owner, dueDate, by);
        }
    }
}
