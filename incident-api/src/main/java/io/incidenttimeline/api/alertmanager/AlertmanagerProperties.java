package io.incidenttimeline.api.alertmanager;

import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Alertmanager notifications become incidents ({@code incident.webhooks.alertmanager.*}).
 *
 * @param componentLabels   labels whose values name components of the catalogue (unknown ones are skipped)
 * @param componentStatus   the status a firing alert gives its components
 * @param severityLabel     the label that carries the severity
 * @param severityImpact    severity value to impact; a severity not listed gives {@code defaultImpact}
 * @param titleTemplate     {@code {{commonAnnotations.x}}}, {@code {{commonLabels.x}}} and {@code {{groupLabels.x}}}
 *                          are replaced; missing values become empty
 * @param messageTemplate   the same placeholders; used for firing updates
 * @param resolvedMessage   the text of the update that resolved notifications post
 * @param visibility        whether the incident starts public or internal
 * @param resolvedStatus    what a resolved notification sets: resolved, or monitoring for a human to confirm
 */
@ConfigurationProperties("incident.webhooks.alertmanager")
public record AlertmanagerProperties(
        @DefaultValue({"component", "service"}) List<String> componentLabels,
        @DefaultValue("major_outage") String componentStatus,
        @DefaultValue("severity") String severityLabel,
        @DefaultValue Map<String, Impact> severityImpact,
        @DefaultValue("minor") Impact defaultImpact,
        @DefaultValue("{{commonAnnotations.summary}}") String titleTemplate,
        @DefaultValue("{{commonAnnotations.description}}") String messageTemplate,
        @DefaultValue("The alerts behind this incident have resolved.") String resolvedMessage,
        @DefaultValue("en") String locale,
        @DefaultValue("internal") Visibility visibility,
        @DefaultValue("resolved") IncidentStatus resolvedStatus) {
}
