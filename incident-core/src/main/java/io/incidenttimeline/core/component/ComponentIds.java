package io.incidenttimeline.core.component;

/**
 * Components and incidents share one event store, whose aggregate identifiers must not collide: a component's
 * stream is keyed {@code component:<id>}. The colon cannot occur in an incident id.
 */
public final class ComponentIds {

    private static final String PREFIX = "component:";

    private ComponentIds() {
    }

    public static String aggregateId(String componentId) {
        return PREFIX + componentId;
    }

    /** The component whose stream this is. */
    public static String componentId(String aggregateId) {
        return aggregateId.substring(PREFIX.length());
    }

    /** Whether an event stream is a component's rather than an incident's. */
    public static boolean isComponentStream(String aggregateId) {
        return aggregateId.startsWith(PREFIX);
    }
}
