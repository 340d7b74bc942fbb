package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.component.ComponentRetired;
import io.incidenttimeline.core.shared.DomainEvent;

/**
 * A component of the catalogue as responders know it, retired ones included; its status is computed when read,
 * from the open incidents.
 */
public record ResponderComponent(String id, String name, String group, Integer position, String description,
                                 Authored defined, Authored redefined, Retirement retirement, long version) {

    public record Retirement(String reason, Authored retired) {
    }

    public boolean retired() {
        return retirement != null;
    }

    /** The component after {@code event}; every event of the component moves its version on. */
    public static ResponderComponent apply(ResponderComponent state, DomainEvent event, Recorded recorded) {
        if (event instanceof ComponentDefined d) {
            return new ResponderComponent(d.componentId(), d.name(), d.group(), d.position(), d.description(),
                    recorded.at(d.occurredAt(), d.recordedAt()), null, null, recorded.version());
        }
        if (state == null) {
            return null;
        }
        if (event instanceof ComponentRedefined r) {
            return new ResponderComponent(state.id(), r.name(), r.group(), r.position(), r.description(),
                    state.defined(), recorded.at(r.occurredAt(), r.recordedAt()), state.retirement(), recorded.version());
        }
        if (event instanceof ComponentRetired r) {
            return new ResponderComponent(state.id(), state.name(), state.group(), state.position(),
                    state.description(), state.defined(), state.redefined(),
                    new Retirement(r.reason(), recorded.at(r.occurredAt(), r.recordedAt())), recorded.version());
        }
        return state;
    }
}
