package io.incidenttimeline.core.component;

/** Answers whether a component id has been defined. The application provides it; aggregates receive it as a resource. */
@FunctionalInterface
public interface ComponentCatalogue {

    boolean isDefined(String componentId);

    /**
     * Whether a defined component has been retired, and so may not be newly named by an incident. A catalogue that
     * knows no retirements (a test's) answers false.
     */
    default boolean isRetired(String componentId) {
        return false;
    }
}
