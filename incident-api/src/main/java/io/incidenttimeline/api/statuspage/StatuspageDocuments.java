package io.incidenttimeline.api.statuspage;

import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceUpdate;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes the public view in the shape of Atlassian Statuspage's public API v2: the same keys in the same order,
 * snake_case, absent values as null, timestamps with offset and milliseconds in the page's time zone.
 */
@Component
public class StatuspageDocuments {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    private final PageProperties page;

    public StatuspageDocuments(PageProperties page) {
        this.page = page;
    }

    public Map<String, Object> page(Instant updatedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", page.id());
        json.put("name", page.name());
        json.put("url", page.url());
        json.put("time_zone", page.timeZone());
        json.put("updated_at", time(updatedAt));
        return json;
    }

    public Map<String, Object> summary(PageView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", page(view.updatedAt()));
        json.put("components", components(view));
        json.put("incidents", view.unresolved().stream().map(i -> incident(i, view)).toList());
        json.put("scheduled_maintenances", view.maintenances().stream().map(m -> maintenance(m, view)).toList());
        json.put("status", status(view));
        return json;
    }

    public Map<String, Object> status(PageView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("indicator", view.status().indicator());
        json.put("description", view.status().description());
        return json;
    }

    /** The components in page order; each group is listed before its members, which name it in group_id. */
    public List<Map<String, Object>> components(PageView view) {
        Map<String, List<PageView.ComponentView>> groups = view.components().stream()
                .filter(c -> c.component().group() != null)
                .collect(Collectors.groupingBy(c -> c.component().group(), TreeMap::new, Collectors.toList()));
        List<Map<String, Object>> json = new ArrayList<>();
        List<String> emitted = new ArrayList<>();
        for (PageView.ComponentView component : view.components()) {
            String group = component.component().group();
            if (group != null && !emitted.contains(group)) {
                emitted.add(group);
                json.add(group(group, groups.get(group)));
            }
            json.add(component(component, group == null ? null : groupId(group)));
        }
        return json;
    }

    /** One component, as the documents above list it. */
    public Map<String, Object> component(PageView.ComponentView view) {
        String group = view.component().group();
        return component(view, group == null ? null : groupId(group));
    }

    private Map<String, Object> component(PageView.ComponentView view, String groupId) {
        PublicComponent component = view.component();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", component.id());
        json.put("name", component.name());
        json.put("status", view.status().wire());
        json.put("created_at", time(component.definedAt()));
        json.put("updated_at", time(view.updatedAt()));
        json.put("position", component.position());
        json.put("description", component.description());
        json.put("showcase", true);
        json.put("start_date", component.definedAt().atZone(page.zone()).toLocalDate().toString());
        json.put("group_id", groupId);
        json.put("page_id", page.id());
        json.put("group", false);
        json.put("only_show_if_degraded", false);
        return json;
    }

    private Map<String, Object> group(String name, List<PageView.ComponentView> members) {
        ComponentStatus worst = members.stream().map(PageView.ComponentView::status)
                .max(Comparator.comparingInt(Enum::ordinal)).orElse(ComponentStatus.OPERATIONAL);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", groupId(name));
        json.put("name", name);
        json.put("status", worst.wire());
        json.put("created_at", time(members.stream().map(m -> m.component().definedAt()).min(Comparator.naturalOrder()).orElseThrow()));
        json.put("updated_at", time(members.stream().map(PageView.ComponentView::updatedAt).max(Comparator.naturalOrder()).orElseThrow()));
        json.put("position", members.stream().map(m -> m.component().position()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null));
        json.put("description", null);
        json.put("showcase", false);
        json.put("start_date", null);
        json.put("group_id", null);
        json.put("page_id", page.id());
        json.put("group", true);
        json.put("only_show_if_degraded", false);
        json.put("components", members.stream().map(m -> m.component().id()).toList());
        return json;
    }

    static String groupId(String group) {
        return "group-" + group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public Map<String, Object> incident(PublicIncident incident, PageView view) {
        Map<String, PageView.ComponentView> components = view.components().stream()
                .collect(Collectors.toMap(c -> c.component().id(), c -> c, (a, b) -> a));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("name", incident.title());
        json.put("status", incident.resolved() && incident.postMortem() != null ? "postmortem" : incident.status().wire());
        json.put("created_at", time(incident.declaredAt()));
        json.put("updated_at", time(incident.updatedAt()));
        json.put("monitoring_at", time(incident.monitoringAt()));
        json.put("resolved_at", time(incident.resolvedAt()));
        json.put("impact", incident.impact().wire());
        json.put("shortlink", page.url() + "/api/public/v1/incidents/" + incident.id());
        json.put("started_at", time(incident.startedAt()));
        json.put("page_id", page.id());
        json.put("incident_updates", incident.updatesNewestFirst().stream()
                .map(update -> update(incident, update, components)).toList());
        json.put("components", incident.components().keySet().stream().sorted().map(components::get)
                .filter(Objects::nonNull).map(c -> component(c, c.component().group() == null ? null
                        : groupId(c.component().group()))).toList());
        json.put("reminder_intervals", null);
        return json;
    }

    private Map<String, Object> update(PublicIncident incident, PublicUpdate update,
                                       Map<String, PageView.ComponentView> components) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", update.id());
        json.put("status", update.status() == IncidentStatus.RESOLVED ? "resolved" : update.status().wire());
        json.put("body", update.message());
        json.put("incident_id", incident.id());
        json.put("created_at", time(update.recordedAt()));
        json.put("updated_at", time(update.editedAt() != null ? update.editedAt() : update.recordedAt()));
        json.put("display_at", time(update.occurredAt()));
        var transitions = incident.transitions(update.id());
        json.put("affected_components", transitions.isEmpty() ? null : transitions.stream().map(t -> {
            Map<String, Object> affected = new LinkedHashMap<>();
            affected.put("code", t.componentId());
            PageView.ComponentView component = components.get(t.componentId());
            affected.put("name", component == null ? t.componentId() : component.component().name());
            affected.put("old_status", t.oldStatus().wire());
            affected.put("new_status", t.newStatus().wire());
            return affected;
        }).toList());
        json.put("deliver_notifications", true);
        json.put("custom_tweet", null);
        json.put("tweet_id", null);
        return json;
    }

    /**
     * A scheduled maintenance in Statuspage's shape. Statuspage knows no cancelled maintenance: a cancelled one is
     * shown completed, its last update carrying the cancellation message, so subscribers who saw it announced learn
     * that it is off. {@code started_at} is when it actually started (null before).
     */
    public Map<String, Object> maintenance(PublicMaintenance maintenance, PageView view) {
        Map<String, PageView.ComponentView> components = view.components().stream()
                .collect(Collectors.toMap(c -> c.component().id(), c -> c, (a, b) -> a));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", maintenance.id());
        json.put("name", maintenance.title());
        json.put("status", statuspageStatus(maintenance.status()));
        json.put("created_at", time(maintenance.createdAt()));
        json.put("updated_at", time(maintenance.updatedAt()));
        json.put("monitoring_at", null);
        json.put("resolved_at", time(maintenance.endedAt()));
        json.put("impact", "maintenance");
        json.put("shortlink", page.url() + "/api/public/v1/maintenances/" + maintenance.id());
        json.put("started_at", time(maintenance.startedAt()));
        json.put("page_id", page.id());
        json.put("incident_updates", maintenance.updatesNewestFirst().stream()
                .map(update -> maintenanceUpdate(maintenance, update)).toList());
        json.put("components", maintenance.components().stream().map(components::get).filter(Objects::nonNull)
                .map(c -> component(c, c.component().group() == null ? null : groupId(c.component().group())))
                .toList());
        json.put("scheduled_for", time(maintenance.scheduledFor()));
        json.put("scheduled_until", time(maintenance.scheduledUntil()));
        return json;
    }

    private Map<String, Object> maintenanceUpdate(PublicMaintenance maintenance, PublicMaintenanceUpdate update) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", update.id());
        json.put("status", statuspageStatus(update.status()));
        json.put("body", update.message());
        json.put("incident_id", maintenance.id());
        json.put("created_at", time(update.recordedAt()));
        json.put("updated_at", time(update.recordedAt()));
        json.put("display_at", time(update.occurredAt()));
        json.put("affected_components", null);
        json.put("deliver_notifications", true);
        json.put("custom_tweet", null);
        json.put("tweet_id", null);
        return json;
    }

    private static String statuspageStatus(MaintenanceStatus status) {
        return switch (status) {
            case SCHEDULED -> "scheduled";
            case IN_PROGRESS -> "in_progress";
            case COMPLETED, CANCELLED -> "completed";
        };
    }

    public String time(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant.atZone(page.zone()));
    }
}
