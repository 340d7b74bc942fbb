package io.incidenttimeline.api.template;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.core.template.TemplateEvent;
import io.incidenttimeline.core.template.TemplateIds;
import io.incidenttimeline.projections.responder.Recorded;
import io.incidenttimeline.projections.template.ResponderTemplate;
import io.incidenttimeline.projections.template.TemplateFold;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * What applying a template reads, from the event store itself rather than a read model that could lag behind: a
 * template created a moment ago can be applied at once, and one retired a moment ago no longer. The template is folded
 * with the template view's own fold.
 */
@Service
class EventStoreTemplates {

    private final EventStore eventStore;

    EventStoreTemplates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<ResponderTemplate> template(String name) {
        ResponderTemplate template = null;
        DomainEventStream events = eventStore.readEvents(TemplateIds.aggregateId(name), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof TemplateEvent templateEvent) {
                template = TemplateFold.apply(template, templateEvent, Recorded.of(event));
            }
        }
        return Optional.ofNullable(template);
    }

    /** The component's name as the catalogue has it now, or its id when it has none (the command refuses it). */
    String componentName(String componentId) {
        String name = componentId;
        if (!Text.isId(componentId)) {
            return name;
        }
        DomainEventStream events = eventStore.readEvents(ComponentIds.aggregateId(componentId), 0);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof ComponentDefined defined) {
                name = defined.name();
            } else if (payload instanceof ComponentRedefined redefined) {
                name = redefined.name();
            }
        }
        return name;
    }

    /** The language an incident was declared in, when it exists. */
    Optional<String> incidentLocale(String incidentId) {
        if (!Text.isId(incidentId)) {
            return Optional.empty();
        }
        DomainEventStream events = eventStore.readEvents(incidentId, 0);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof IncidentDeclared declared) {
                return Optional.of(declared.locale());
            }
        }
        return Optional.empty();
    }
}
