package io.incidenttimeline.core.template;

/**
 * Templates share the event store with incidents, components, maintenances and tokens, whose aggregate identifiers
 * must not collide: a template's stream is keyed {@code template:<name>}. The colon cannot occur in an incident id.
 */
public final class TemplateIds {

    private static final String PREFIX = "template:";

    private TemplateIds() {
    }

    public static String aggregateId(String name) {
        return PREFIX + name;
    }

    /** The template whose stream this is. */
    public static String name(String aggregateId) {
        return aggregateId.substring(PREFIX.length());
    }

    /** Whether an event stream is a template's. */
    public static boolean isTemplateStream(String aggregateId) {
        return aggregateId.startsWith(PREFIX);
    }
}
