package io.incidenttimeline.core.accesstoken;

/**
 * Personal tokens share the event store with incidents, components and maintenances, whose aggregate identifiers must
 * not collide: a token's stream is keyed {@code access-token:<name>}. The colon cannot occur in an incident id.
 */
public final class AccessTokenIds {

    private static final String PREFIX = "access-token:";

    private AccessTokenIds() {
    }

    public static String aggregateId(String name) {
        return PREFIX + name;
    }

    /** Whether an event stream is a personal token's. */
    public static boolean isAccessTokenStream(String aggregateId) {
        return aggregateId.startsWith(PREFIX);
    }
}
