package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.incident.LifecycleMoments;
import io.incidenttimeline.core.incident.PostMortemSections;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.DomainEvent;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.projections.responder.ResponderIncident.ImpactChange;
import io.incidenttimeline.projections.responder.ResponderIncident.ImpactWindow;
import io.incidenttimeline.projections.responder.ResponderTranslation.Translated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Folds an incident's events, in order, into the {@link ResponderIncident}: every update whatever its visibility,
 * with the history of its corrections. Pure: the event and what the store recorded with it are all it reads.
 */
public final class ResponderIncidentFold {

    private static final String SUMMARY = "summary";
    private static final String ROOT_CAUSE = "rootCause";
    private static final String RESOLUTION = "resolution";

    /** Moments in the order they happened; a resolved moment without a time (reopened) last. */
    private static final Comparator<ResponderIncident.LifecycleMoment> LIFECYCLE_ORDER = Comparator
            .comparing(ResponderIncident.LifecycleMoment::at, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ResponderIncident.LifecycleMoment::moment);

    private ResponderIncidentFold() {
    }

    /** The incident after {@code event}; every event of the incident moves its version on. */
    public static ResponderIncident apply(ResponderIncident state, DomainEvent event, Recorded recorded) {
        if (event instanceof IncidentDeclared declared) {
            return new ResponderIncident(declared.incidentId(), declared.title(), declared.locale(), declared.impact(),
                    declared.regions() == null ? List.of() : List.copyOf(declared.regions()), recorded.at(declared.occurredAt(), declared.recordedAt()),
                    recorded.version(), null, null, Map.copyOf(declared.components()), null, List.of(), List.of(),
                    List.of(), Map.of(), null, declared.occurredAt(), List.of());
        }
        if (state == null) {
            return null;
        }
        Draft draft = new Draft(state, recorded);
        if (event instanceof UpdatePosted posted) {
            draft.posted(posted);
        } else if (event instanceof UpdateAmended amended) {
            draft.amended(amended);
        } else if (event instanceof UpdateRetracted retracted) {
            draft.retracted(retracted);
        } else if (event instanceof IncidentResolved resolved) {
            draft.resolvedAt = resolved.occurredAt();
            draft.moment(LifecycleMoments.RESOLVED, resolved.occurredAt(), resolved.updateId(), null);
        } else if (event instanceof IncidentReopened) {
            draft.resolvedAt = null;
            draft.moment(LifecycleMoments.RESOLVED, null, null, null);
        } else if (event instanceof LifecycleTimeRecorded lifecycle) {
            draft.moment(lifecycle.moment(), lifecycle.at(), null, new ResponderIncident.LifecycleRecording(
                    lifecycle.at(), lifecycle.previousAt(), lifecycle.reason(),
                    recorded.at(lifecycle.occurredAt(), lifecycle.recordedAt())));
        } else if (event instanceof ImpactWindowRecorded window) {
            draft.impactWindow = new ImpactWindow(window.startedAt(), window.endedAt(), window.reason(),
                    recorded.at(window.occurredAt(), window.recordedAt()));
            draft.impactWindowHistory.add(draft.impactWindow);
        } else if (event instanceof ImpactChanged changed) {
            draft.impact = changed.impact();
            draft.components = new LinkedHashMap<>(changed.components());
            draft.impactChanges.add(new ImpactChange(changed.impact(), Map.copyOf(changed.components()),
                    recorded.at(changed.occurredAt(), changed.recordedAt())));
        } else if (event instanceof PostMortemPublished published) {
            draft.postMortem(published);
        } else if (event instanceof RemediationItemCompleted completed) {
            draft.completed(completed);
        } else if (event instanceof TranslationAdded translation) {
            draft.translated(translation);
        }
        return draft.build(event.occurredAt());
    }

    /** A copy of the incident to change; {@link #build} makes it immutable again. */
    private static final class Draft {

        private final ResponderIncident state;
        private final Recorded recorded;
        private Impact impact;
        private IncidentStatus status;
        private Instant resolvedAt;
        private Map<String, ComponentStatus> components;
        private ImpactWindow impactWindow;
        private final List<ImpactWindow> impactWindowHistory;
        private final List<ImpactChange> impactChanges;
        private final List<ResponderUpdate> updates;
        private final Map<String, ResponderTranslation> translations;
        private ResponderPostMortem postMortem;
        private final Map<String, ResponderIncident.LifecycleMoment> lifecycle = new HashMap<>();

        Draft(ResponderIncident state, Recorded recorded) {
            this.state = state;
            this.recorded = recorded;
            this.impact = state.impact();
            this.status = state.status();
            this.resolvedAt = state.resolvedAt();
            this.components = new LinkedHashMap<>(state.components());
            this.impactWindow = state.impactWindow();
            this.impactWindowHistory = new ArrayList<>(state.impactWindowHistory());
            this.impactChanges = new ArrayList<>(state.impactChanges());
            this.updates = new ArrayList<>(state.updates());
            this.translations = new HashMap<>(state.translations());
            this.postMortem = state.postMortem();
            state.lifecycle().forEach(moment -> lifecycle.put(moment.moment(), moment));
        }

        /** The moment's time is now {@code at}; a recording joins its history, a resolving update does not. */
        void moment(String name, Instant at, String fromUpdate, ResponderIncident.LifecycleRecording recording) {
            ResponderIncident.LifecycleMoment earlier = lifecycle.get(name);
            if (earlier == null && at == null) {
                return;
            }
            List<ResponderIncident.LifecycleRecording> history = new ArrayList<>(
                    earlier == null ? List.of() : earlier.history());
            if (recording != null) {
                history.add(recording);
            }
            lifecycle.put(name, new ResponderIncident.LifecycleMoment(name, at, fromUpdate, List.copyOf(history)));
        }

        void posted(UpdatePosted event) {
            status = event.status();
            components.putAll(event.components());
            updates.add(new ResponderUpdate(event.updateId(), event.status(), event.visibility(), event.message(),
                    Map.copyOf(event.components()), event.nextUpdateDueAt(),
                    recorded.at(event.occurredAt(), event.recordedAt()), recorded.version(), List.of(), null));
        }

        void amended(UpdateAmended event) {
            replace(event.updateId(), update -> update.amended(new ResponderUpdate.Amendment(update.message(),
                    event.message(), event.reason(), recorded.at(event.occurredAt(), event.recordedAt())),
                    recorded.version()));
        }

        void retracted(UpdateRetracted event) {
            replace(event.updateId(), update -> update.retracted(new ResponderUpdate.Retraction(event.reason(),
                    recorded.at(event.occurredAt(), event.recordedAt()))));
        }

        private void replace(String updateId, UnaryOperator<ResponderUpdate> change) {
            updates.replaceAll(update -> update.id().equals(updateId) ? change.apply(update) : update);
        }

        void postMortem(PostMortemPublished event) {
            Authored by = recorded.at(event.occurredAt(), event.recordedAt());
            ResponderPostMortem previous = postMortem;
            Map<String, ResponderPostMortem.Item> before = new HashMap<>();
            if (previous != null) {
                previous.remediation().forEach(item -> before.put(item.id(), item));
            }
            List<ResponderPostMortem.Item> items = event.remediation().stream().map(item -> {
                ResponderPostMortem.Item earlier = before.get(item.id());
                return new ResponderPostMortem.Item(item.id(), item.title(), item.owner(), item.dueDate(),
                        earlier == null ? null : earlier.completed());
            }).toList();
            Map<String, Long> versions = new HashMap<>(previous == null ? Map.of() : previous.sectionVersions());
            section(versions, SUMMARY, previous == null ? null : previous.summary(), event.summary());
            section(versions, ROOT_CAUSE, previous == null ? null : previous.rootCause(), event.rootCause());
            section(versions, RESOLUTION, previous == null ? null : previous.resolution(), event.resolution());
            postMortem = new ResponderPostMortem(event.revision(), event.summary(), event.rootCause(),
                    event.resolution(), Map.copyOf(versions), items, previous == null ? by : previous.firstPublished(),
                    by);
        }

        private void section(Map<String, Long> versions, String key, String before, String after) {
            if (!Objects.equals(before, after)) {
                versions.put(key, recorded.version());
            }
        }

        void completed(RemediationItemCompleted event) {
            if (postMortem == null) {
                return;
            }
            Authored by = recorded.at(event.occurredAt(), event.recordedAt());
            postMortem = new ResponderPostMortem(postMortem.revision(), postMortem.summary(), postMortem.rootCause(),
                    postMortem.resolution(), postMortem.sectionVersions(), postMortem.remediation().stream()
                    .map(item -> item.id().equals(event.itemId()) ? item.completedBy(by) : item).toList(),
                    postMortem.firstPublished(), postMortem.lastRevised());
        }

        /** Texts a translation leaves out keep what an earlier one in that locale said, as the incident has it. */
        void translated(TranslationAdded event) {
            Authored by = recorded.at(event.occurredAt(), event.recordedAt());
            ResponderTranslation previous = translations.get(event.locale());
            Translated title = event.title() != null ? new Translated(event.title(), recorded.version(), by)
                    : previous == null ? null : previous.title();
            Map<String, Translated> texts = new HashMap<>(previous == null ? Map.of() : previous.updates());
            event.updates().forEach((updateId, text) -> texts.put(updateId, new Translated(text, recorded.version(), by)));
            Map<String, Translated> sections = new HashMap<>(previous == null ? Map.of() : previous.postMortem());
            PostMortemSections given = event.postMortem();
            if (given != null) {
                put(sections, SUMMARY, given.summary(), by);
                put(sections, ROOT_CAUSE, given.rootCause(), by);
                put(sections, RESOLUTION, given.resolution(), by);
            }
            translations.put(event.locale(), new ResponderTranslation(event.machineTranslated(), event.engine(), title,
                    Map.copyOf(texts), Map.copyOf(sections)));
        }

        private void put(Map<String, Translated> sections, String key, String text, Authored by) {
            if (text != null) {
                sections.put(key, new Translated(text, recorded.version(), by));
            }
        }

        ResponderIncident build(Instant changedAt) {
            Instant updatedAt = changedAt != null && changedAt.isAfter(state.updatedAt()) ? changedAt : state.updatedAt();
            return new ResponderIncident(state.id(), state.title(), state.locale(), impact, state.regions(),
                    state.declared(), recorded.version(), status, resolvedAt, Map.copyOf(components), impactWindow,
                    List.copyOf(impactWindowHistory), List.copyOf(impactChanges), List.copyOf(updates),
                    Map.copyOf(translations), postMortem, updatedAt, lifecycle.values().stream()
                    .sorted(LIFECYCLE_ORDER).toList());
        }
    }
}
