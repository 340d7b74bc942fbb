package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.component.ComponentRetired;
import java.time.Instant;

/**
 * A component of the catalogue as the public page lists it; its status comes from the open incidents. A retired one
 * ({@code retiredAt}) is no longer listed, but past incidents still name it.
 */
public record PublicComponent(String id, String name, String group, Integer position, String description,
                              Instant definedAt, Instant updatedAt, Instant retiredAt) {

    /** The component after {@code event}; other events leave it as it was. */
    public static PublicComponent apply(PublicComponent state, Object event) {
        if (event instanceof ComponentDefined defined) {
            return defined(defined);
        }
        if (event instanceof ComponentRedefined redefined) {
            return state == null ? null : state.redefined(redefined);
        }
        if (event instanceof ComponentRetired retired) {
            return state == null ? null : new PublicComponent(state.id, state.name, state.group, state.position,
                    state.description, state.definedAt, retired.occurredAt(), retired.occurredAt());
        }
        return state;
    }

    public static PublicComponent defined(ComponentDefined event) {
        return new PublicComponent(event.componentId(), event.name(), event.group(), event.position(),
                event.description(), event.occurredAt(), event.occurredAt(), null);
    }

    public PublicComponent redefined(ComponentRedefined event) {
        return new PublicComponent(id, event.name(), event.group(), event.position(), event.description(), definedAt,
                event.occurredAt(), retiredAt);
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
