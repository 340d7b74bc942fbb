package io.incidenttimeline.projections.publicview;

import java.util.HashMap;
import java.util.Map;

/** The public texts of one locale. Only updates that are public are kept; absent texts fall back to the original. */
public record PublicTranslation(boolean machineTranslated, String engine, String title, Map<String, String> updates,
                                String postMortemSummary, String postMortemRootCause, String postMortemResolution) {

    PublicTranslation merge(PublicTranslation added) {
        Map<String, String> merged = new HashMap<>(updates);
        merged.putAll(added.updates());
        return new PublicTranslation(added.machineTranslated(), added.engine(), or(added.title(), title), Map.copyOf(merged),
                or(added.postMortemSummary(), postMortemSummary), or(added.postMortemRootCause(), postMortemRootCause),
                or(added.postMortemResolution(), postMortemResolution));
    }

    private static String or(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
