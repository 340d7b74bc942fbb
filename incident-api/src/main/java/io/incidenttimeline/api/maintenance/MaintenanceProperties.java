package io.incidenttimeline.api.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.maintenance.*}: scheduled maintenances.
 *
 * @param autoTransition whether this node starts and completes maintenances at their windows' edges (each maintenance
 *                       can opt out with {@code autoStart} / {@code autoComplete}); safe on several nodes at once
 * @param checkInterval  how often it looks for a window edge that has passed
 */
@ConfigurationProperties("incident.maintenance")
public record MaintenanceProperties(@DefaultValue("true") boolean autoTransition,
                                    @DefaultValue("PT15S") Duration checkInterval) {
}
