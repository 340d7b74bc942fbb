package io.incidenttimeline.api.statuspage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The Statuspage v2 documents as the OpenAPI description shows them. {@link StatuspageDocuments} writes the bodies;
 * the contract tests check every body against these shapes (no field more, none of another type), so the two
 * cannot drift apart. Absent values are JSON null, timestamps ISO-8601 with offset and milliseconds.
 */
public final class StatuspageSchema {

    private StatuspageSchema() {
    }

    @Schema(name = "StatuspagePage")
    public record Page(String id, String name, String url, String time_zone, String updated_at) {
    }

    @Schema(name = "StatuspageStatus")
    public record Status(@Schema(allowableValues = {"none", "minor", "major", "critical", "maintenance"}) String indicator,
                  @Schema(example = "Partial System Outage") String description) {
    }

    @Schema(name = "StatuspageComponent", description = "A component, or a group of components (group: true, with "
            + "the ids of its members in components)")
    public record Component(String id, String name, String status, String created_at, String updated_at, Integer position,
                     String description, boolean showcase, String start_date, String group_id, String page_id,
                     boolean group, boolean only_show_if_degraded, List<String> components) {
    }

    @Schema(name = "StatuspageAffectedComponent")
    public record AffectedComponent(String code, String name, String old_status, String new_status) {
    }

    @Schema(name = "StatuspageIncidentUpdate")
    public record IncidentUpdate(String id, String status, String body, String incident_id, String created_at,
                          String updated_at, String display_at, List<AffectedComponent> affected_components,
                          boolean deliver_notifications, String custom_tweet, String tweet_id) {
    }

    @Schema(name = "StatuspageIncident")
    public record Incident(String id, String name,
                    @Schema(allowableValues = {"investigating", "identified", "monitoring", "resolved", "postmortem"})
                    String status, String created_at, String updated_at, String monitoring_at, String resolved_at,
                    @Schema(allowableValues = {"none", "minor", "major", "critical"}) String impact, String shortlink,
                    String started_at, String page_id, List<IncidentUpdate> incident_updates,
                    List<Component> components, List<Integer> reminder_intervals) {
    }

    @Schema(name = "StatuspageScheduledMaintenance", description = "A scheduled maintenance; a cancelled one is shown "
            + "completed, its newest update saying so")
    public record ScheduledMaintenance(String id, String name,
                                @Schema(allowableValues = {"scheduled", "in_progress", "verifying", "completed"})
                                String status, String created_at, String updated_at, String monitoring_at,
                                String resolved_at, @Schema(allowableValues = {"maintenance"}) String impact,
                                String shortlink,
                                String started_at, String page_id, List<IncidentUpdate> incident_updates,
                                List<Component> components, String scheduled_for, String scheduled_until) {
    }

    @Schema(name = "StatuspageSummary")
    public record Summary(Page page, List<Component> components, List<Incident> incidents,
                   List<ScheduledMaintenance> scheduled_maintenances, Status status) {
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
    public record ScheduledMaintenances(Page page, List<ScheduledMaintenance> scheduled_maintenances) {
    }

    @Schema(name = "AuditStatuspageSummary", description = "summary.json as it was at as_of")
    public record SummaryAsOf(String as_of, Page page, List<Component> components, List<Incident> incidents,
                              List<ScheduledMaintenance> scheduled_maintenances, Status status) {
    }
}
