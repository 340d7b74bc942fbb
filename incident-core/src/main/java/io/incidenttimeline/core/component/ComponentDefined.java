package io.incidenttimeline.core.component;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ComponentDefined(String componentId, String name, String group, Integer position, String description,
                               Instant occurredAt, Instant recordedAt) implements ComponentEvent {
}
