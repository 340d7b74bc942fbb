package io.incidenttimeline.api.statuspage;

import io.incidenttimeline.core.component.Component;
import io.incidenttimeline.core.incident.Incident;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The documents of Statuspage's public API v2, in its key order and snake_case; {@link StatuspageDocuments} fills
 * them and the OpenAPI description is generated from them. Absent values are JSON null, timestamps ISO-8601 with
 * offset and milliseconds.
 */
public final class Statuspage {

    private Statuspage() {
    }

    @Schema(name = "StatuspagePage")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page(String id, String name, String url, String timeZone, String updatedAt) {
    }

    @Schema(name = "StatuspageStatus")
    public record Status(@Schema(allowableValues = {"none", "minor", "major", "critical", "maintenance"}) String indicator,
                         @Schema(example = "Partial System Outage") String description) {
    }

    /** A component, or a group of components: only a group lists its members, the key is absent on a component. */
    @Schema(name = "StatuspageComponent", description = "A component, or a group of components (group: true, with "
            + "the ids of its members in components)")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Component(String id, String name, String status, String createdAt, String updatedAt, Integer position,
                            String description, boolean showcase, String startDate, String groupId, String pageId,
                            boolean group, boolean onlyShowIfDegraded,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components) {
    }

    @Schema(name = "StatuspageAffectedComponent")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AffectedComponent(String code, String name, String oldStatus, String newStatus) {
    }

    @Schema(name = "StatuspageIncidentUpdate")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IncidentUpdate(String id, String status, String body, String incidentId, String createdAt,
                                 String updatedAt, String displayAt, List<AffectedComponent> affectedComponents,
                                 boolean deliverNotifications, String customTweet, String tweetId) {
    }

    @Schema(name = "StatuspageIncident")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Incident(String id, String name,
                           @Schema(allowableValues = {"investigating", "identified", "monitoring", "resolved", "postmortem"})
                           String status, String createdAt, String updatedAt, String monitoringAt, String resolvedAt,
                           @Schema(allowableValues = {"none", "minor", "major", "critical"}) String impact,
                           String shortlink, String startedAt, String pageId, List<IncidentUpdate> incidentUpdates,
                           List<Component> components, List<Integer> reminderIntervals) {
    }

    @Schema(name = "StatuspageScheduledMaintenance", description = "A scheduled maintenance; a cancelled one is shown "
            + "completed, its newest update saying so")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScheduledMaintenance(String id, String name,
                                       @Schema(allowableValues = {"scheduled", "in_progress", "verifying", "completed"})
                                       String status, String createdAt, String updatedAt, String monitoringAt,
                                       String resolvedAt, @Schema(allowableValues = {"maintenance"}) String impact,
                                       String shortlink, String startedAt, String pageId,
                                       List<IncidentUpdate> incidentUpdates, List<Component> components,
                                       String scheduledFor, String scheduledUntil) {
    }

    @Schema(name = "StatuspageSummary")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(Page page, List<Component> components, List<Incident> incidents,
                          List<ScheduledMaintenance> scheduledMaintenances, Status status) {
    }

    @Schema(name = "StatuspageStatusDocument")
    public record StatusDocument(Page page, Status status) {
    }

    @Schema(name = "StatuspageComponents")
    public record Components(Page page, List<Component> components) {
    }

    @Schema(name = "StatuspageIncidents")
    public record Incidents(Page page, List<Incident> incidents) {
    }

    @Schema(name = "StatuspageScheduledMaintenances")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScheduledMaintenances(Page page, List<ScheduledMaintenance> scheduledMaintenances) {
    }

    @Schema(name = "AuditStatuspageSummary", description = "summary.json as it was at as_of")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SummaryAsOf(String asOf, Page page, List<Component> components, List<Incident> incidents,
                              List<ScheduledMaintenance> scheduledMaintenances, Status status) {

        public SummaryAsOf(String asOf, Summary summary) {
            this(asOf, summary.page(), summary.components(), summary.incidents(), summary.scheduledMaintenances(),
                    summary.status());
        }
    }
}
