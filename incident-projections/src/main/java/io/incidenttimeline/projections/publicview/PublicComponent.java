package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentRedefined;
import java.time.Instant;

/** A component of the catalogue as the public page lists it; its status comes from the open incidents. */
public record PublicComponent(String id, String name, String group, Integer position, String description,
                              Instant definedAt, Instant updatedAt) {

    /** The component after {@code event}; other events leave it as it was. */
    public static PublicComponent apply(PublicComponent state, Object event) {
        if (event instanceof ComponentDefined defined) {
            return defined(defined);
        }
        if (event instanceof ComponentRedefined redefined) {
            return state == null ? null : state.redefined(redefined);
        }
        return state;
    }

    public static PublicComponent defined(ComponentDefined event) {
        return new PublicComponent(event.componentId(), event.name(), event.group(), event.position(),
                event.description(), event.occurredAt(), event.occurredAt());
    }

    public PublicComponent redefined(ComponentRedefined event) {
        return new PublicComponent(id, event.name(), event.group(), event.position(), event.description(), definedAt,
                event.occurredAt());
    }
}
