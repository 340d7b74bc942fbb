package io.incidenttimeline.projections.responder;

import java.util.Map;

/**
 * The texts of one locale, each with the version of the incident at which it was given: a text translated before
 * the original last changed is older than what it translates. Post-mortem sections are keyed {@code summary},
 * {@code rootCause} and {@code resolution}.
 */
public record ResponderTranslation(boolean machineTranslated, String engine, Translated title,
                                   Map<String, Translated> updates, Map<String, Translated> postMortem) {

    public record Translated(String text, long version, Authored translated) {
    }
}
