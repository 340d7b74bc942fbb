package io.incidenttimeline.api.http.read.responder;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.responder.Authored;
import io.incidenttimeline.projections.responder.ResponderIncident;
import io.incidenttimeline.projections.responder.ResponderUpdate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One incident of a responder's list: enough to pick it, with its latest update and its next promise. */
@Schema(name = "ResponderIncidentSummary")
public record IncidentSummaryView(String id, String title, Impact impact, IncidentStatus status, boolean resolved,
                                  Instant resolvedAt, Visibility visibility, Authored declared, long version,
                                  Map<String, ComponentStatus> components,
                                  @Schema(description = "the latest live update, internal ones included")
                                  Latest latestUpdate,
                                  @Schema(description = "when the latest live update promised the next one, "
                                          + "unless resolved") Instant nextUpdateDueAt,
                                  boolean overdue, Instant updatedAt) {

    @Schema(name = "ResponderLatestUpdate")
    public record Latest(String id, IncidentStatus status, Visibility visibility, String message, Instant postedAt) {
    }

    public static IncidentSummaryView of(ResponderIncident incident, Instant now) {
        List<ResponderUpdate> live = incident.updates().stream().filter(ResponderUpdate::live).toList();
        ResponderUpdate latest = live.isEmpty() ? null : live.get(live.size() - 1);
        Instant due = latest == null || incident.resolved() ? null : latest.nextUpdateDueAt();
        return new IncidentSummaryView(incident.id(), incident.title(), incident.impact(), incident.status(),
                incident.resolved(), incident.resolvedAt(), incident.visible() ? Visibility.PUBLIC : Visibility.INTERNAL,
                incident.declared(), incident.version(), incident.components(),
                latest == null ? null : new Latest(latest.id(), latest.status(), latest.visibility(), latest.message(),
                        latest.posted().at()),
                due, due != null && now.isAfter(due), incident.updatedAt());
    }
}
