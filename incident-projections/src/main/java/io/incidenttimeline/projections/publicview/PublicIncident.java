package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the public may know of one incident, and nothing more: internal updates are never part of it, so neither
 * their text nor their number can leak from here. Built by {@link PublicIncidentFold}; the incident is shown once it
 * has at least one public update that was not retracted.
 *
 * @param regions the affected regions as declared (documents stored before they were kept have none)
 * @param withheldPostMortem a post-mortem published while the public did not see the incident resolved (event stores
 *                           from before that was refused hold such ones); no reader sees it, and it becomes the
 *                           {@code postMortem} once a public update resolves the incident
 */
public record PublicIncident(String id, String title, String locale, Impact impact, Instant declaredAt,
                             Instant impactStartedAt, Instant impactEndedAt, int nextSeq,
                             List<ComponentSetting> settings, List<PublicUpdate> updates, PublicPostMortem postMortem,
                             Map<String, PublicTranslation> translations, Instant updatedAt, List<String> regions,
                             PublicPostMortem withheldPostMortem) {

    public PublicIncident {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** A component's status before and after one update. */
    public record Transition(String componentId, ComponentStatus oldStatus, ComponentStatus newStatus) {
    }

    public boolean visible() {
        return !updates.isEmpty();
    }

    /** The status of the latest public update. */
    public IncidentStatus status() {
        return updates.isEmpty() ? null : latest().status();
    }

    public boolean resolved() {
        return status() == IncidentStatus.RESOLVED;
    }

    public Instant resolvedAt() {
        return resolved() ? latest().occurredAt() : null;
    }

    /** When the current episode entered monitoring, if it did. */
    public Instant monitoringAt() {
        Instant at = null;
        for (PublicUpdate update : updates) {
            if (update.status() == IncidentStatus.MONITORING && at == null) {
                at = update.occurredAt();
            } else if (update.status() != IncidentStatus.MONITORING && update.status() != IncidentStatus.RESOLVED) {
                at = null;
            }
        }
        return at;
    }

    /** When customers were first affected as far as is known: the impact window, else the declaration. */
    public Instant startedAt() {
        return impactStartedAt != null ? impactStartedAt : declaredAt;
    }

    public Instant nextUpdateDueAt() {
        return updates.isEmpty() || resolved() ? null : latest().nextUpdateDueAt();
    }

    public boolean overdue(Instant at) {
        Instant due = nextUpdateDueAt();
        return due != null && at.isAfter(due);
    }

    /** The public updates, newest first by the time they are shown at. */
    public List<PublicUpdate> updatesNewestFirst() {
        return updates.stream().sorted(Comparator.comparing(PublicUpdate::occurredAt)
                .thenComparingInt(PublicUpdate::seq).reversed()).toList();
    }

    /** The affected components and their current statuses, operational ones included. */
    public Map<String, ComponentStatus> components() {
        Map<String, ComponentStatus> current = new LinkedHashMap<>();
        for (ComponentSetting setting : settings) {
            apply(current, setting);
        }
        return current;
    }

    /** What the update {@code updateId} changed, component by component; empty when it changed none. */
    public List<Transition> transitions(String updateId) {
        Map<String, ComponentStatus> current = new LinkedHashMap<>();
        for (ComponentSetting setting : settings) {
            if (updateId.equals(setting.updateId())) {
                List<Transition> changes = new ArrayList<>();
                setting.components().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                        changes.add(new Transition(entry.getKey(),
                                current.getOrDefault(entry.getKey(), ComponentStatus.OPERATIONAL), entry.getValue())));
                return changes;
            }
            apply(current, setting);
        }
        return List.of();
    }

    public PublicUpdate update(String updateId) {
        return updates.stream().filter(u -> u.id().equals(updateId)).findFirst().orElse(null);
    }

    private PublicUpdate latest() {
        return updates.get(updates.size() - 1);
    }

    private static void apply(Map<String, ComponentStatus> current, ComponentSetting setting) {
        if (setting.replace()) {
            current.clear();
        }
        current.putAll(setting.components());
    }

    PublicIncident with(Impact newImpact, Instant start, Instant end, int seq, List<ComponentSetting> newSettings,
                        List<PublicUpdate> newUpdates, PublicPostMortem newPostMortem,
                        Map<String, PublicTranslation> newTranslations, Instant changedAt) {
        Instant latestChange = updatedAt == null || (changedAt != null && changedAt.isAfter(updatedAt)) ? changedAt : updatedAt;
        return new PublicIncident(id, title, locale, newImpact, declaredAt, start, end, seq, List.copyOf(newSettings),
                List.copyOf(newUpdates), newPostMortem, Map.copyOf(newTranslations), Objects.requireNonNull(latestChange),
                regions, withheldPostMortem);
    }

    /** The same public incident, with {@code withheld} kept from readers: nothing they see changes, not even when. */
    PublicIncident withholding(PublicPostMortem withheld) {
        return new PublicIncident(id, title, locale, impact, declaredAt, impactStartedAt, impactEndedAt, nextSeq,
                settings, updates, postMortem, translations, updatedAt, regions, withheld);
    }

    /** Whether readers see the same in both, a withheld post-mortem aside. */
    public boolean sameForReaders(PublicIncident other) {
        return other != null && withholding(null).equals(other.withholding(null));
    }
}
