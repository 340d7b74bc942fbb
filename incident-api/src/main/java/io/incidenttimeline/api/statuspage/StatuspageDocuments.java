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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes the public view in the shape of Atlassian Statuspage's public API v2: the same keys in the same order,
 * snake_case, absent values as null, timestamps with offset and milliseconds in the page's time zone. An incident's
 * {@code shortlink} is its HTML page, which Statuspage widgets link "View incident" to; a maintenance has no page of
 * its own, so its shortlink is its public JSON document.
 */
@Component
public class StatuspageDocuments {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    private final PageProperties page;

    public StatuspageDocuments(PageProperties page) {
        this.page = page;
    }

    public Statuspage.Page page(Instant updatedAt) {
        return new Statuspage.Page(page.id(), page.name(), page.url(), page.timeZone(), time(updatedAt));
    }

    public Statuspage.Summary summary(PageView view) {
        return new Statuspage.Summary(page(view.updatedAt()), components(view),
                view.unresolved().stream().map(i -> incident(i, view)).toList(),
                view.maintenances().stream().map(m -> maintenance(m, view)).toList(), status(view));
    }

    public Statuspage.Status status(PageView view) {
        return new Statuspage.Status(view.status().indicator(), view.status().description());
    }

    /** The components in page order; each group is listed before its members, which name it in group_id. */
    public List<Statuspage.Component> components(PageView view) {
        Map<String, List<PageView.ComponentView>> groups = view.components().stream()
                .filter(c -> c.component().group() != null)
                .collect(Collectors.groupingBy(c -> c.component().group(), TreeMap::new, Collectors.toList()));
        List<Statuspage.Component> json = new ArrayList<>();
        List<String> emitted = new ArrayList<>();
        for (PageView.ComponentView component : view.components()) {
            String group = component.component().group();
            if (group != null && !emitted.contains(group)) {
                emitted.add(group);
                json.add(group(group, groups.get(group)));
            }
            json.add(component(component));
        }
        return json;
    }

    /** One component, as the documents above list it. */
    public Statuspage.Component component(PageView.ComponentView view) {
        PublicComponent component = view.component();
        String group = component.group();
        return new Statuspage.Component(component.id(), component.name(), view.status().wire(),
                time(component.definedAt()), time(view.updatedAt()), component.position(), component.description(),
                true, component.definedAt().atZone(page.zone()).toLocalDate().toString(),
                group == null ? null : groupId(group), page.id(), false, false, null);
    }

    private Statuspage.Component group(String name, List<PageView.ComponentView> members) {
        ComponentStatus worst = members.stream().map(PageView.ComponentView::status)
                .max(Comparator.comparingInt(Enum::ordinal)).orElse(ComponentStatus.OPERATIONAL);
        return new Statuspage.Component(groupId(name), name, worst.wire(),
                time(members.stream().map(m -> m.component().definedAt()).min(Comparator.naturalOrder()).orElseThrow()),
                time(members.stream().map(PageView.ComponentView::updatedAt).max(Comparator.naturalOrder()).orElseThrow()),
                members.stream().map(m -> m.component().position()).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null),
                null, false, null, null, page.id(), true, false,
                members.stream().map(m -> m.component().id()).toList());
    }

    static String groupId(String group) {
        return "group-" + group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public Statuspage.Incident incident(PublicIncident incident, PageView view) {
        Map<String, PageView.ComponentView> components = byId(view);
        return new Statuspage.Incident(incident.id(), incident.title(),
                incident.resolved() && incident.postMortem() != null ? "postmortem" : incident.status().wire(),
                time(incident.declaredAt()), time(incident.updatedAt()), time(incident.monitoringAt()),
                time(incident.resolvedAt()), incident.impact().wire(),
                page.base() + "/incidents/" + incident.id(), time(incident.startedAt()), page.id(),
                incident.updatesNewestFirst().stream().map(update -> update(incident, update, components)).toList(),
                incident.components().keySet().stream().sorted().map(components::get).filter(Objects::nonNull)
                        .map(this::component).toList(),
                null);
    }

    private Statuspage.IncidentUpdate update(PublicIncident incident, PublicUpdate update,
                                             Map<String, PageView.ComponentView> components) {
        var transitions = incident.transitions(update.id());
        List<Statuspage.AffectedComponent> affected = transitions.isEmpty() ? null : transitions.stream().map(t -> {
            PageView.ComponentView component = components.get(t.componentId());
            return new Statuspage.AffectedComponent(t.componentId(),
                    component == null ? t.componentId() : component.component().name(),
                    t.oldStatus().wire(), t.newStatus().wire());
        }).toList();
        return new Statuspage.IncidentUpdate(update.id(),
                update.status() == IncidentStatus.RESOLVED ? "resolved" : update.status().wire(), update.message(),
                incident.id(), time(update.recordedAt()),
                time(update.editedAt() != null ? update.editedAt() : update.recordedAt()), time(update.occurredAt()),
                affected, true, null, null);
    }

    /**
     * A scheduled maintenance in Statuspage's shape. Statuspage knows no cancelled maintenance: a cancelled one is
     * shown completed, its last update carrying the cancellation message, so subscribers who saw it announced learn
     * that it is off. {@code started_at} is when it actually started (null before).
     */
    public Statuspage.ScheduledMaintenance maintenance(PublicMaintenance maintenance, PageView view) {
        Map<String, PageView.ComponentView> components = byId(view);
        return new Statuspage.ScheduledMaintenance(maintenance.id(), maintenance.title(),
                statuspageStatus(maintenance.status()), time(maintenance.createdAt()), time(maintenance.updatedAt()),
                null, time(maintenance.endedAt()), "maintenance",
                page.base() + "/api/public/v1/maintenances/" + maintenance.id(), time(maintenance.startedAt()),
                page.id(), maintenance.updatesNewestFirst().stream()
                        .map(update -> maintenanceUpdate(maintenance, update)).toList(),
                maintenance.components().stream().map(components::get).filter(Objects::nonNull)
                        .map(this::component).toList(),
                time(maintenance.scheduledFor()), time(maintenance.scheduledUntil()));
    }

    private Statuspage.IncidentUpdate maintenanceUpdate(PublicMaintenance maintenance, PublicMaintenanceUpdate update) {
        return new Statuspage.IncidentUpdate(update.id(), statuspageStatus(update.status()), update.message(),
                maintenance.id(), time(update.recordedAt()), time(update.recordedAt()), time(update.occurredAt()),
                null, true, null, null);
    }

    private static Map<String, PageView.ComponentView> byId(PageView view) {
        return view.components().stream().collect(Collectors.toMap(c -> c.component().id(), c -> c, (a, b) -> a));
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
