package io.incidenttimeline.core.template;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A template was created under {@code name}; who created it is in the event's audit metadata. */
@Revision("1")
public record TemplateCreated(String name, TemplateKind kind, TemplateContent content, Instant occurredAt,
                              Instant recordedAt) implements TemplateEvent {
}
