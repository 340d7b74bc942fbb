package io.incidenttimeline.api.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.maintenance.*}: scheduled maintenances.
 *
 * @param autoTransition whether this node runs the deadlines at which maintenances start and complete at their windows'
 *                       edges (each maintenance can opt out with {@code autoStart} / {@code autoComplete}); safe on
 *                       several nodes at once, each deadline runs on one
 * @param checkInterval  how often this node looks for deadlines that are due (one scheduled as due already runs at once
 *                       on the node that scheduled it)
 */
@ConfigurationProperties("incident.maintenance")
public record MaintenanceProperties(@DefaultValue("true") boolean autoTransition,
                                    @DefaultValue("PT15S") Duration checkInterval) {
}
