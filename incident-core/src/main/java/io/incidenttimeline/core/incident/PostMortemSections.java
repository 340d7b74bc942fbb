package io.incidenttimeline.core.incident;

/** The prose sections of a post-mortem (or of its translation, where any may be absent). */
public record PostMortemSections(String summary, String rootCause, String resolution) {
}
