package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.incident.event.TranslationAdded;
import java.util.HashMap;
import java.util.Map;

/** The merged texts of one locale, used to recognise a translation that changes nothing. */
record TranslationState(boolean machineTranslated, String engine, String title, Map<String, String> updates,
                        PostMortemSections postMortem) {

    /** What a locale says after {@code added}: texts it carries replace earlier ones, absent ones are kept. */
    static TranslationState merge(TranslationState existing, TranslationAdded added) {
        if (existing == null) {
            return new TranslationState(added.machineTranslated(), added.engine(), added.title(),
                    Map.copyOf(added.updates()), added.postMortem());
        }
        Map<String, String> updates = new HashMap<>(existing.updates());
        updates.putAll(added.updates());
        return new TranslationState(added.machineTranslated(), added.engine(),
                added.title() != null ? added.title() : existing.title(), Map.copyOf(updates),
                mergeSections(existing.postMortem(), added.postMortem()));
    }

    private static PostMortemSections mergeSections(PostMortemSections existing, PostMortemSections added) {
        if (existing == null || added == null) {
            return added != null ? added : existing;
        }
        return new PostMortemSections(
                added.summary() != null ? added.summary() : existing.summary(),
                added.rootCause() != null ? added.rootCause() : existing.rootCause(),
                added.resolution() != null ? added.resolution() : existing.resolution());
    }
}
