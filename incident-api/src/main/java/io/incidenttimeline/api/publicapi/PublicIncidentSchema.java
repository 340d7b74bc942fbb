package io.incidenttimeline.api.publicapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The public incident as the OpenAPI description shows it. {@link LocalizedIncident} writes the body; the contract
 * tests check every body against these shapes, so the two cannot drift apart.
 */
public final class PublicIncidentSchema {

    private PublicIncidentSchema() {
    }

    @Schema(name = "LocalTime", description = "A moment in UTC and in the reader's zone, with the IANA abbreviation")
    public record LocalTime(@Schema(example = "2024-07-05T13:52:00Z") String utc,
                            @Schema(example = "2024-07-05T06:52:00-07:00") String local,
                            @Schema(example = "PDT") String zone,
                            @Schema(example = "2024-07-05 06:52 PDT") String text) {
    }

    @Schema(name = "PublicImpactWindow")
    public record ImpactWindow(LocalTime startedAt, LocalTime endedAt) {
    }

    @Schema(name = "PublicIncidentComponent")
    public record Component(String id, String name, String group, String status) {
    }

    @Schema(name = "PublicIncidentUpdate")
    public record Update(String id, String status, String body, boolean edited, LocalTime displayAt,
                         LocalTime createdAt, LocalTime editedAt, LocalTime nextUpdateDueAt) {
    }

    @Schema(name = "PublicRemediationItem")
    public record RemediationItem(String id, String title, String owner, String dueDate, boolean completed) {
    }

    @Schema(name = "PublicPostMortem")
    public record PostMortem(int revision, String summary, String rootCause, String resolution, LocalTime publishedAt,
                             LocalTime revisedAt, List<RemediationItem> remediation) {
    }

    @Schema(name = "PublicTranslationAvailable")
    public record Translation(String locale, boolean machineTranslated) {
    }

    @Schema(name = "PublicIncident", description = "Texts in the reader's locale where translated; updates newest first")
    public record Incident(@Schema(example = "talk-call-recordings-2024-07-05") String id,
                           @Schema(example = "de") String locale, @Schema(example = "en") String authoritativeLocale,
                           String title, String status, String impact,
                           @Schema(example = "America/Los_Angeles") String timeZone, LocalTime startedAt,
                           ImpactWindow impactWindow, LocalTime monitoringAt, LocalTime resolvedAt,
                           LocalTime updatedAt, List<Component> components, List<Update> updates,
                           LocalTime nextUpdateDueAt, boolean nextUpdateOverdue, PostMortem postMortem,
                           List<Translation> translations, boolean machineTranslated, String disclaimer) {
    }

    @Schema(name = "AuditPublicIncident", description = "The public incident as it was at asOf")
    public record IncidentAsOf(Instant asOf, String id, String locale, String authoritativeLocale, String title,
                               String status, String impact, String timeZone, LocalTime startedAt,
                               ImpactWindow impactWindow, LocalTime monitoringAt, LocalTime resolvedAt,
                               LocalTime updatedAt, List<Component> components, List<Update> updates,
                               LocalTime nextUpdateDueAt, boolean nextUpdateOverdue, PostMortem postMortem,
                               List<Translation> translations, boolean machineTranslated, String disclaimer) {
    }
}
