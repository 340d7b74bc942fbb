package io.incidenttimeline.api.publicapi;

import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceUpdate;
import io.incidenttimeline.projections.publicview.PageView;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Our public maintenance document: every time in UTC and in the reader's zone, the components' statuses now. */
public final class LocalizedMaintenance {

    private LocalizedMaintenance() {
    }

    public static Map<String, Object> render(PublicMaintenance maintenance, PageView page, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", maintenance.id());
        json.put("title", maintenance.title());
        json.put("status", maintenance.status().wire());
        json.put("timeZone", zone.getId());
        json.put("scheduledFor", LocalTimes.of(maintenance.scheduledFor(), zone));
        json.put("scheduledUntil", LocalTimes.of(maintenance.scheduledUntil(), zone));
        json.put("autoStart", maintenance.autoStart());
        json.put("autoComplete", maintenance.autoComplete());
        json.put("startedAt", LocalTimes.of(maintenance.startedAt(), zone));
        json.put("endedAt", LocalTimes.of(maintenance.endedAt(), zone));
        json.put("updatedAt", LocalTimes.of(maintenance.updatedAt(), zone));
        json.put("components", components(maintenance, page));
        json.put("updates", maintenance.updatesNewestFirst().stream().map(update -> update(update, zone)).toList());
        return json;
    }

    private static List<Map<String, Object>> components(PublicMaintenance maintenance, PageView page) {
        Map<String, PageView.ComponentView> catalogue = page.components().stream()
                .collect(Collectors.toMap(c -> c.component().id(), Function.identity(), (a, b) -> a));
        return maintenance.components().stream().map(id -> {
            PageView.ComponentView known = catalogue.get(id);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("name", known == null ? id : known.component().name());
            json.put("group", known == null ? null : known.component().group());
            json.put("status", known == null ? null : known.status().wire());
            return json;
        }).toList();
    }

    private static Map<String, Object> update(PublicMaintenanceUpdate update, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", update.id());
        json.put("status", update.status().wire());
        json.put("body", update.message());
        json.put("displayAt", LocalTimes.of(update.occurredAt(), zone));
        json.put("createdAt", LocalTimes.of(update.recordedAt(), zone));
        return json;
    }
}
