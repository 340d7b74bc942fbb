package io.incidenttimeline.core.template;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The template of {@code name} was retired: it is applied no more. */
@Revision("1")
public record TemplateRetired(String name, Instant occurredAt, Instant recordedAt) implements TemplateEvent {
}
