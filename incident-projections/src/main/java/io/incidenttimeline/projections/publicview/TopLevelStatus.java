package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import java.util.Collection;
import java.util.List;

/**
 * The page's indicator and its description, as Atlassian Statuspage computes them ("Top-level status and incident
 * impact calculations"): one component maps directly; several are blended (all in major outage is a major system
 * outage, some a partial one; all in partial outage is a partial system outage, some a minor service outage; all
 * degraded is degraded system service, some partially degraded). With no component in trouble, an open incident
 * still raises the indicator to its impact, and a scheduled maintenance under way to "maintenance".
 */
public record TopLevelStatus(String indicator, String description) {

    public static final TopLevelStatus OPERATIONAL = new TopLevelStatus("none", "All Systems Operational");
    static final TopLevelStatus MAINTENANCE = new TopLevelStatus("maintenance", "Service Under Maintenance");
    static final TopLevelStatus MAJOR_SYSTEM_OUTAGE = new TopLevelStatus("critical", "Major System Outage");
    static final TopLevelStatus PARTIAL_SYSTEM_OUTAGE = new TopLevelStatus("major", "Partial System Outage");
    static final TopLevelStatus MINOR_SERVICE_OUTAGE = new TopLevelStatus("minor", "Minor Service Outage");
    static final TopLevelStatus DEGRADED_SYSTEM_SERVICE = new TopLevelStatus("minor", "Degraded System Service");
    static final TopLevelStatus PARTIALLY_DEGRADED_SERVICE = new TopLevelStatus("minor", "Partially Degraded Service");

    private static final List<String> RANK = List.of("none", "maintenance", "minor", "major", "critical");

    public static TopLevelStatus of(List<ComponentStatus> components, Collection<Impact> openIncidentImpacts) {
        return of(components, openIncidentImpacts, false);
    }

    /**
     * @param maintenanceInProgress whether a scheduled maintenance is under way: the page is then at least "under
     *                              maintenance", even when the maintenance names no component
     */
    public static TopLevelStatus of(List<ComponentStatus> components, Collection<Impact> openIncidentImpacts,
                                    boolean maintenanceInProgress) {
        TopLevelStatus fromComponents = components.size() == 1 ? single(components.get(0)) : blended(components);
        TopLevelStatus fromIncidents = openIncidentImpacts.stream().map(TopLevelStatus::ofImpact)
                .max((a, b) -> Integer.compare(rank(a), rank(b))).orElse(OPERATIONAL);
        TopLevelStatus worst = rank(fromIncidents) > rank(fromComponents) ? fromIncidents : fromComponents;
        return maintenanceInProgress && rank(MAINTENANCE) > rank(worst) ? MAINTENANCE : worst;
    }

    private static TopLevelStatus single(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> OPERATIONAL;
            case UNDER_MAINTENANCE -> MAINTENANCE;
            case DEGRADED_PERFORMANCE -> PARTIALLY_DEGRADED_SERVICE;
            case PARTIAL_OUTAGE -> PARTIAL_SYSTEM_OUTAGE;
            case MAJOR_OUTAGE -> MAJOR_SYSTEM_OUTAGE;
        };
    }

    private static TopLevelStatus blended(List<ComponentStatus> components) {
        if (components.isEmpty()) {
            return OPERATIONAL;
        }
        if (all(components, ComponentStatus.MAJOR_OUTAGE)) {
            return MAJOR_SYSTEM_OUTAGE;
        }
        if (components.contains(ComponentStatus.MAJOR_OUTAGE) || all(components, ComponentStatus.PARTIAL_OUTAGE)) {
            return PARTIAL_SYSTEM_OUTAGE;
        }
        if (components.contains(ComponentStatus.PARTIAL_OUTAGE)) {
            return MINOR_SERVICE_OUTAGE;
        }
        if (all(components, ComponentStatus.DEGRADED_PERFORMANCE)) {
            return DEGRADED_SYSTEM_SERVICE;
        }
        if (components.contains(ComponentStatus.DEGRADED_PERFORMANCE)) {
            return PARTIALLY_DEGRADED_SERVICE;
        }
        return components.contains(ComponentStatus.UNDER_MAINTENANCE) ? MAINTENANCE : OPERATIONAL;
    }

    private static TopLevelStatus ofImpact(Impact impact) {
        return switch (impact) {
            case NONE -> OPERATIONAL;
            case MINOR -> MINOR_SERVICE_OUTAGE;
            case MAJOR -> PARTIAL_SYSTEM_OUTAGE;
            case CRITICAL -> MAJOR_SYSTEM_OUTAGE;
        };
    }

    private static boolean all(List<ComponentStatus> components, ComponentStatus status) {
        return components.stream().allMatch(status::equals);
    }

    private static int rank(TopLevelStatus status) {
        return RANK.indexOf(status.indicator());
    }
}
