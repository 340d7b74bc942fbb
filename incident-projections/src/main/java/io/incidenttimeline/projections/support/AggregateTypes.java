package io.incidenttimeline.projections.support;

import io.incidenttimeline.core.component.Component;
import io.incidenttimeline.core.incident.Incident;
import io.incidenttimeline.core.maintenance.Maintenance;
import io.incidenttimeline.core.template.Template;

/** The aggregate type the event store records with each event (Axon's default: the aggregate class's simple name). */
public final class AggregateTypes {

    public static final String INCIDENT = Incident.class.getSimpleName();
    public static final String COMPONENT = Component.class.getSimpleName();
    public static final String MAINTENANCE = Maintenance.class.getSimpleName();
    public static final String TEMPLATE = Template.class.getSimpleName();

    private AggregateTypes() {
    }
}
