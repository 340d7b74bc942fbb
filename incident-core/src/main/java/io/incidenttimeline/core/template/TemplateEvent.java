package io.incidenttimeline.core.template;

import io.incidenttimeline.core.shared.DomainEvent;

/** An event of a template's stream. A template's texts never reach an incident's events except as the text it produced. */
public interface TemplateEvent extends DomainEvent {

    String name();
}
