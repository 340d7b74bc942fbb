package io.incidenttimeline.projections.template;

import io.incidenttimeline.core.template.TemplateChanged;
import io.incidenttimeline.core.template.TemplateCreated;
import io.incidenttimeline.core.template.TemplateEvent;
import io.incidenttimeline.core.template.TemplateRetired;
import io.incidenttimeline.projections.responder.Recorded;

/**
 * The one implementation of the responders' view of a template: folds its events, in order, into a
 * {@link ResponderTemplate}. Every event moves the version on. Pure: no clock, no I/O.
 */
public final class TemplateFold {

    private TemplateFold() {
    }

    /** The template after {@code event}; a creation after a retirement starts the template anew under its name. */
    public static ResponderTemplate apply(ResponderTemplate state, TemplateEvent event, Recorded recorded) {
        if (event instanceof TemplateCreated created) {
            return new ResponderTemplate(created.name(), created.kind(), created.content(), false, recorded.version(),
                    created.occurredAt(), recorded.actor(), created.occurredAt(), recorded.actor(), null);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof TemplateChanged changed) {
            return new ResponderTemplate(state.name(), state.kind(), changed.content(), false, recorded.version(),
                    state.createdAt(), state.createdBy(), changed.occurredAt(), recorded.actor(), null);
        }
        if (event instanceof TemplateRetired retired) {
            return new ResponderTemplate(state.name(), state.kind(), state.content(), true, recorded.version(),
                    state.createdAt(), state.createdBy(), state.changedAt(), state.changedBy(), retired.occurredAt());
        }
        return state;
    }
}
