package io.incidenttimeline.core.template;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A live template's content was replaced by {@code content}, whole. */
@Revision("1")
public record TemplateChanged(String name, TemplateKind kind, TemplateContent content, Instant occurredAt,
                              Instant recordedAt) implements TemplateEvent {
}
