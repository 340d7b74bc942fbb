package io.incidenttimeline.api.console.list;

import io.incidenttimeline.api.console.page.Times;
import io.incidenttimeline.api.http.read.responder.IncidentSummaryView;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One incident of the console's list, in the words the page prints. */
public record IncidentRow(String id, String url, String title, String impact, String status, boolean internal,
                          List<AffectedComponent> components, Instant updatedAt, Instant resolvedAt,
                          NextUpdate nextUpdate) {

    /** A component the incident affects, by its catalogue name (its id when the catalogue does not know it). */
    public record AffectedComponent(String name, String status) {

        public String statusWords() {
            return words(status);
        }
    }

    static IncidentRow of(IncidentSummaryView incident, Map<String, String> componentNames, Instant now) {
        List<AffectedComponent> components = incident.components().entrySet().stream()
                .map(entry -> new AffectedComponent(componentNames.getOrDefault(entry.getKey(), entry.getKey()),
                        entry.getValue().wire()))
                .sorted(Comparator.comparing(AffectedComponent::name)).toList();
        return new IncidentRow(incident.id(), "/console/incidents/" + incident.id(), incident.title(),
                incident.impact().wire(), incident.status().wire(), incident.visibility() == Visibility.INTERNAL,
                components, incident.updatedAt(), incident.resolvedAt(), NextUpdate.of(incident.nextUpdateDueAt(), now));
    }

    public String updatedUtc() {
        return Times.utc(updatedAt);
    }

    public String resolvedUtc() {
        return Times.utc(resolvedAt);
    }

    /** "degraded_performance" as "degraded performance". */
    public static String words(String wire) {
        return wire.replace('_', ' ');
    }
}
