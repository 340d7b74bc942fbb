package io.incidenttimeline.api.http.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.page.*} choices of what the public HTML page shows. {@code showPromiseOutcomes}: whether an incident
 * page marks a "next update by" promise as kept, not kept or still due, and the next update as overdue; off by
 * default, since that is the operator's call to make in public. The promised time itself is always shown, and the
 * console and the metrics always judge the promises.
 */
@ConfigurationProperties("incident.page")
public record PageOptions(@DefaultValue("false") boolean showPromiseOutcomes) {
}
