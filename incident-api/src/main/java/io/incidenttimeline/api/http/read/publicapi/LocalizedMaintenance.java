package io.incidenttimeline.api.http.read.publicapi;

import io.incidenttimeline.core.component.Component;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceUpdate;
import io.incidenttimeline.projections.publicview.PageView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Our public maintenance document: every time in UTC and in the reader's zone, the components' statuses now. */
@Schema(name = "PublicMaintenance", description = "A scheduled maintenance; updates newest first")
public record LocalizedMaintenance(@Schema(example = "talk-recordings-storage-2024-07-20") String id, String title,
                                   @Schema(allowableValues = {"scheduled", "in_progress", "completed", "cancelled"})
                                   String status,
                                   @Schema(example = "America/Los_Angeles") String timeZone,
                                   LocalizedTime scheduledFor, LocalizedTime scheduledUntil,
                                   @Schema(description = "whether it starts on its own when the window begins")
                                   boolean autoStart,
                                   @Schema(description = "whether it completes on its own when the window ends")
                                   boolean autoComplete,
                                   LocalizedTime startedAt,
                                   @Schema(description = "when it was completed or cancelled")
                                   LocalizedTime endedAt,
                                   LocalizedTime updatedAt, List<Component> components, List<Update> updates) {

    @Schema(name = "PublicMaintenanceComponent", description = "A component the maintenance takes down, with its "
            + "status on the page now")
    public record Component(String id, String name, String group, String status) {
    }

    @Schema(name = "PublicMaintenanceUpdate")
    public record Update(String id,
                         @Schema(allowableValues = {"scheduled", "in_progress", "completed", "cancelled"}) String status,
                         String body, LocalizedTime displayAt, LocalizedTime createdAt) {
    }

    public static LocalizedMaintenance render(PublicMaintenance maintenance, PageView page, ZoneId zone) {
        return new LocalizedMaintenance(maintenance.id(), maintenance.title(), maintenance.status().wire(), zone.getId(),
                LocalizedTime.of(maintenance.scheduledFor(), zone), LocalizedTime.of(maintenance.scheduledUntil(), zone),
                maintenance.autoStart(), maintenance.autoComplete(), LocalizedTime.of(maintenance.startedAt(), zone),
                LocalizedTime.of(maintenance.endedAt(), zone), LocalizedTime.of(maintenance.updatedAt(), zone),
                components(maintenance, page),
                maintenance.updatesNewestFirst().stream().map(update -> update(update, zone)).toList());
    }

    private static List<Component> components(PublicMaintenance maintenance, PageView page) {
        Map<String, PageView.ComponentView> catalogue = page.components().stream()
                .collect(Collectors.toMap(c -> c.component().id(), Function.identity(), (a, b) -> a));
        return maintenance.components().stream().map(id -> {
            PageView.ComponentView known = catalogue.get(id);
            return new Component(id, known == null ? id : known.component().name(),
                    known == null ? null : known.component().group(), known == null ? null : known.status().wire());
        }).toList();
    }

    private static Update update(PublicMaintenanceUpdate update, ZoneId zone) {
        return new Update(update.id(), update.status().wire(), update.message(),
                LocalizedTime.of(update.occurredAt(), zone), LocalizedTime.of(update.recordedAt(), zone));
    }
}
