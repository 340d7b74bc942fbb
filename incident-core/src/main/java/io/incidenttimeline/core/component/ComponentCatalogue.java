package io.incidenttimeline.core.component;

/** Answers whether a component id has been defined. The application provides it; aggregates receive it as a resource. */
@FunctionalInterface
public interface ComponentCatalogue {

    boolean isDefined(String componentId);
}
