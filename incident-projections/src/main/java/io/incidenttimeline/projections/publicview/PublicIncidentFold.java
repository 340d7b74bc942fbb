package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.incident.PostMortemSections;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.support.EventFold;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one implementation of the public view of an incident: folds its events, in order, into a
 * {@link PublicIncident}. Used by the live projection and by time travel alike. Pure: no clock, no I/O.
 */
public final class PublicIncidentFold {

    private PublicIncidentFold() {
    }

    public static PublicIncident fold(List<?> events) {
        return EventFold.fromStart(events, PublicIncidentFold::apply);
    }

    /** The state after {@code event}; events that say nothing public return the state unchanged. */
    public static PublicIncident apply(PublicIncident state, Object event) {
        if (event instanceof IncidentDeclared declared) {
            return declared(declared);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof UpdatePosted posted) {
            return posted.visibility() == Visibility.PUBLIC
                    ? releaseWithheld(posted(state, posted), posted.occurredAt()) : state;
        }
        if (event instanceof UpdateAmended amended) {
            return amended(state, amended);
        }
        if (event instanceof UpdateRetracted retracted) {
            return releaseWithheld(retracted(state, retracted), retracted.occurredAt());
        }
        if (event instanceof ImpactWindowRecorded window) {
            return state.with(state.impact(), window.startedAt(), window.endedAt(), state.nextSeq(), state.settings(),
                    state.updates(), state.postMortem(), state.translations(), window.occurredAt());
        }
        if (event instanceof ImpactChanged changed) {
            List<ComponentSetting> settings = new ArrayList<>(state.settings());
            settings.add(new ComponentSetting(state.nextSeq(), null, true, Map.copyOf(changed.components())));
            return state.with(changed.impact(), state.impactStartedAt(), state.impactEndedAt(), state.nextSeq() + 1,
                    settings, state.updates(), state.postMortem(), state.translations(), changed.occurredAt());
        }
        if (event instanceof PostMortemPublished published) {
            return postMortem(state, published);
        }
        if (event instanceof RemediationItemCompleted completed && state.withheldPostMortem() != null) {
            return completed(state.withholding(state.withheldPostMortem().completed(completed.itemId(), completed.occurredAt())), completed);
        }
        if (event instanceof RemediationItemCompleted completed) {
            return completed(state, completed);
        }
        if (event instanceof TranslationAdded translation) {
            return translated(state, translation);
        }
        return state;
    }

    /** Marks the item done in the shown post-mortem; an item only a withheld one has changes nothing readers see. */
    private static PublicIncident completed(PublicIncident state, RemediationItemCompleted completed) {
        if (state.postMortem() == null
                || state.postMortem().remediation().stream().noneMatch(item -> item.id().equals(completed.itemId()))) {
            return state;
        }
        return state.with(state.impact(), state.impactStartedAt(), state.impactEndedAt(), state.nextSeq(),
                state.settings(), state.updates(), state.postMortem().completed(completed.itemId(), completed.occurredAt()),
                state.translations(), completed.occurredAt());
    }

    private static PublicIncident declared(IncidentDeclared event) {
        var setting = new ComponentSetting(0, null, true, Map.copyOf(event.components()));
        return new PublicIncident(event.incidentId(), event.title(), event.locale(), event.impact(), event.occurredAt(),
                null, null, 1, List.of(setting), List.of(), null, Map.of(), event.occurredAt(), event.regions(), null);
    }

    private static PublicIncident posted(PublicIncident state, UpdatePosted event) {
        int seq = state.nextSeq();
        List<PublicUpdate> updates = new ArrayList<>(state.updates());
        updates.add(new PublicUpdate(event.updateId(), seq, event.status(), event.message(), event.occurredAt(),
                event.recordedAt(), null, event.nextUpdateDueAt(), Map.copyOf(event.components())));
        List<ComponentSetting> settings = new ArrayList<>(state.settings());
        if (!event.components().isEmpty()) {
            settings.add(new ComponentSetting(seq, event.updateId(), false, Map.copyOf(event.components())));
        }
        return state.with(state.impact(), state.impactStartedAt(), state.impactEndedAt(), seq + 1, settings, updates,
                state.postMortem(), state.translations(), event.occurredAt());
    }

    private static PublicIncident amended(PublicIncident state, UpdateAmended event) {
        if (state.update(event.updateId()) == null) {
            return state;
        }
        List<PublicUpdate> updates = state.updates().stream()
                .map(u -> u.id().equals(event.updateId()) ? u.amended(event.message(), event.occurredAt()) : u).toList();
        Map<String, PublicTranslation> translations = new HashMap<>();
        state.translations().forEach((locale, t) -> translations.put(locale, t.outdate(event.updateId())));
        return state.with(state.impact(), state.impactStartedAt(), state.impactEndedAt(), state.nextSeq(),
                state.settings(), updates, state.postMortem(), translations, event.occurredAt());
    }

    private static PublicIncident retracted(PublicIncident state, UpdateRetracted event) {
        if (state.update(event.updateId()) == null) {
            return state;
        }
        List<PublicUpdate> updates = state.updates().stream().filter(u -> !u.id().equals(event.updateId())).toList();
        List<ComponentSetting> settings = state.settings().stream()
                .filter(s -> !event.updateId().equals(s.updateId())).toList();
        Map<String, PublicTranslation> translations = new HashMap<>();
        state.translations().forEach((locale, t) -> translations.put(locale, t.withoutUpdate(event.updateId())));
        return state.with(state.impact(), state.impactStartedAt(), state.impactEndedAt(), state.nextSeq(), settings,
                updates, state.postMortem(), translations, event.occurredAt());
    }

    private static PublicIncident postMortem(PublicIncident state, PostMortemPublished event) {
        PublicPostMortem previous = state.withheldPostMortem() != null ? state.withheldPostMortem() : state.postMortem();
        Map<String, PublicPostMortem.Item> done = previous == null ? Map.of() : previous.remediation().stream()
                .filter(PublicPostMortem.Item::completed)
                .collect(Collectors.toMap(PublicPostMortem.Item::id, Function.identity()));
        List<PublicPostMortem.Item> items = event.remediation().stream()
                .map(i -> new PublicPostMortem.Item(i.id(), i.title(), i.owner(), i.dueDate(), done.containsKey(i.id()),
                        done.containsKey(i.id()) ? done.get(i.id()).completedAt() : null))
                .toList();
        var postMortem = new PublicPostMortem(event.revision(), event.summary(), event.rootCause(), event.resolution(),
                items, state.postMortem() == null ? event.occurredAt() : state.postMortem().publishedAt(),
                event.occurredAt());
        return state.resolved() ? shown(state.withholding(null), postMortem, event.occurredAt())
                : state.withholding(postMortem);
    }

    /** A withheld post-mortem is shown once the public sees the incident resolved, as published at that moment. */
    private static PublicIncident releaseWithheld(PublicIncident state, Instant at) {
        PublicPostMortem withheld = state.withheldPostMortem();
        if (withheld == null || !state.resolved()) {
            return state;
        }
        Instant publishedAt = state.postMortem() == null ? at : state.postMortem().publishedAt();
        return shown(state.withholding(null), new PublicPostMortem(withheld.revision(), withheld.summary(),
                withheld.rootCause(), withheld.resolution(), withheld.remediation(), publishedAt, at), at);
    }

    /** Shows {@code postMortem}; translations of sections it rewrote are outdated. */
    private static PublicIncident shown(PublicIncident state, PublicPostMortem postMortem, Instant at) {
        PublicPostMortem previous = state.postMortem();
        Set<String> rewritten = new HashSet<>();
        if (previous != null && !previous.summary().equals(postMortem.summary())) {
            rewritten.add(PublicTranslation.SUMMARY);
        }
        if (previous != null && !previous.rootCause().equals(postMortem.rootCause())) {
            rewritten.add(PublicTranslation.ROOT_CAUSE);
        }
        if (previous != null && !previous.resolution().equals(postMortem.resolution())) {
            rewritten.add(PublicTranslation.RESOLUTION);
        }
        Map<String, PublicTranslation> translations = new HashMap<>();
        state.translations().forEach((locale, t) -> translations.put(locale, t.outdatePostMortem(rewritten)));
        return state.with(state.impact(), state.impactStartedAt(), state.impactEndedAt(), state.nextSeq(),
                state.settings(), state.updates(), postMortem, translations, at);
    }

    /**
     * Keeps the texts readers can see (the title, public updates that stand, the shown post-mortem); a translation
     * with none of them, or that changes none, changes nothing: not the translations offered, not the time.
     */
    private static PublicIncident translated(PublicIncident state, TranslationAdded event) {
        Map<String, String> publicTexts = new HashMap<>();
        event.updates().forEach((updateId, text) -> {
            if (state.update(updateId) != null) {
                publicTexts.put(updateId, text);
            }
        });
        PostMortemSections sections = state.postMortem() == null ? null : event.postMortem();
        if (event.title() == null && publicTexts.isEmpty() && sections == null) {
            return state;
        }
        var added = new PublicTranslation(event.machineTranslated(), event.engine(), event.title(), publicTexts,
                sections == null ? null : sections.summary(), sections == null ? null : sections.rootCause(),
                sections == null ? null : sections.resolution(), Set.of(), Set.of());
        PublicTranslation before = state.translations().get(event.locale());
        PublicTranslation after = before == null ? added : before.merge(added);
        if (after.equals(before)) {
            return state;
        }
        Map<String, PublicTranslation> translations = new HashMap<>(state.translations());
        translations.put(event.locale(), after);
        return state.with(state.impact(), state.impactStartedAt(), state.impactEndedAt(), state.nextSeq(),
                state.settings(), state.updates(), state.postMortem(), translations, event.occurredAt());
    }
}
