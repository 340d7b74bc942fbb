package io.incidenttimeline.core.maintenance;

/**
 * Maintenances share the event store with incidents and components, whose aggregate identifiers must not collide: a
 * maintenance's stream is keyed {@code maintenance:<id>}. The colon cannot occur in an incident id.
 */
public final class MaintenanceIds {

    private static final String PREFIX = "maintenance:";

    private MaintenanceIds() {
    }

    public static String aggregateId(String maintenanceId) {
        return PREFIX + maintenanceId;
    }

    /** Whether an event stream is a maintenance's rather than an incident's or a component's. */
    public static boolean isMaintenanceStream(String aggregateId) {
        return aggregateId.startsWith(PREFIX);
    }

    /** The maintenance id of a maintenance stream's aggregate identifier. */
    public static String maintenanceId(String aggregateId) {
        return aggregateId.substring(PREFIX.length());
    }
}
