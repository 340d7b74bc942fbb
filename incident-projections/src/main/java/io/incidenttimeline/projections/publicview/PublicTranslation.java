package io.incidenttimeline.projections.publicview;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The public texts of one locale. Only updates that are public are kept; absent texts fall back to the original. A text
 * whose original changed after it was translated (an amended update, a revised post-mortem section) is dropped and
 * named in {@code outdatedUpdates} or {@code outdatedPostMortem} (section names {@link #SUMMARY}, {@link #ROOT_CAUSE},
 * {@link #RESOLUTION}) until a translation renews it: readers then get the corrected original, told why.
 */
public record PublicTranslation(boolean machineTranslated, String engine, String title, Map<String, String> updates,
                                String postMortemSummary, String postMortemRootCause, String postMortemResolution,
                                Set<String> outdatedUpdates, Set<String> outdatedPostMortem) {

    public static final String SUMMARY = "summary";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String RESOLUTION = "resolution";

    public PublicTranslation {
        updates = updates == null ? Map.of() : Map.copyOf(updates);
        outdatedUpdates = outdatedUpdates == null ? Set.of() : Set.copyOf(outdatedUpdates);
        outdatedPostMortem = outdatedPostMortem == null ? Set.of() : Set.copyOf(outdatedPostMortem);
    }

    PublicTranslation merge(PublicTranslation added) {
        Map<String, String> merged = new HashMap<>(updates);
        merged.putAll(added.updates());
        Set<String> stillOutdated = new HashSet<>(outdatedUpdates);
        stillOutdated.removeAll(added.updates().keySet());
        Set<String> sectionsOutdated = new HashSet<>(outdatedPostMortem);
        sectionsOutdated.removeAll(added.postMortemSections());
        return new PublicTranslation(added.machineTranslated(), added.engine(), or(added.title(), title), merged,
                or(added.postMortemSummary(), postMortemSummary), or(added.postMortemRootCause(), postMortemRootCause),
                or(added.postMortemResolution(), postMortemResolution), stillOutdated, sectionsOutdated);
    }

    /** The original of {@code updateId} was amended: its translation, if there is one, no longer says the same. */
    PublicTranslation outdate(String updateId) {
        if (!updates.containsKey(updateId)) {
            return this;
        }
        Map<String, String> texts = new HashMap<>(updates);
        texts.remove(updateId);
        Set<String> outdated = new HashSet<>(outdatedUpdates);
        outdated.add(updateId);
        return new PublicTranslation(machineTranslated, engine, title, texts, postMortemSummary, postMortemRootCause,
                postMortemResolution, outdated, outdatedPostMortem);
    }

    /** The post-mortem's {@code sections} were rewritten: their translations no longer say the same. */
    PublicTranslation outdatePostMortem(Set<String> sections) {
        Set<String> outdated = new HashSet<>(outdatedPostMortem);
        sections.stream().filter(postMortemSections()::contains).forEach(outdated::add);
        return new PublicTranslation(machineTranslated, engine, title, updates,
                sections.contains(SUMMARY) ? null : postMortemSummary,
                sections.contains(ROOT_CAUSE) ? null : postMortemRootCause,
                sections.contains(RESOLUTION) ? null : postMortemResolution, outdatedUpdates, outdated);
    }

    /** The update was retracted: neither its translation nor the note that it is outdated stays. */
    PublicTranslation withoutUpdate(String updateId) {
        Map<String, String> texts = new HashMap<>(updates);
        texts.remove(updateId);
        Set<String> outdated = new HashSet<>(outdatedUpdates);
        outdated.remove(updateId);
        return new PublicTranslation(machineTranslated, engine, title, texts, postMortemSummary, postMortemRootCause,
                postMortemResolution, outdated, outdatedPostMortem);
    }

    private Set<String> postMortemSections() {
        Set<String> sections = new HashSet<>();
        if (postMortemSummary != null) {
            sections.add(SUMMARY);
        }
        if (postMortemRootCause != null) {
            sections.add(ROOT_CAUSE);
        }
        if (postMortemResolution != null) {
            sections.add(RESOLUTION);
        }
        return sections;
    }

    private static String or(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
