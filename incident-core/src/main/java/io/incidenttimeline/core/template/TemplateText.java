package io.incidenttimeline.core.template;

/** A template's texts in one language: the incident's title (declarations only) and the update's message. */
public record TemplateText(String title, String message) {
}
