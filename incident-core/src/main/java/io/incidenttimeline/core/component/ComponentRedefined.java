package io.incidenttimeline.core.component;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A component's definition changed: it was renamed, regrouped, moved or described anew. Carries the whole new definition. */
@Revision("1")
public record ComponentRedefined(String componentId, String name, String group, Integer position, String description,
                                 Instant occurredAt, Instant recordedAt) implements ComponentEvent {
}
