package io.incidenttimeline.core.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.incident.command.AddTranslation;
import io.incidenttimeline.core.incident.command.AmendUpdate;
import io.incidenttimeline.core.incident.command.ChangeImpact;
import io.incidenttimeline.core.incident.command.CompleteRemediationItem;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.incident.command.PublishPostMortem;
import io.incidenttimeline.core.incident.command.RecordImpactWindow;
import io.incidenttimeline.core.incident.command.RecordLifecycleTime;
import io.incidenttimeline.core.incident.command.RetractUpdate;
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
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.LanguageTag;
import io.incidenttimeline.core.shared.Moments;
import io.incidenttimeline.core.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * The incident: the consistency boundary for everything said about one incident. Command handlers return the
 * aggregate's version after the command, which the API hands out as the ETag for optimistic concurrency.
 */
@Revision("3")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    private String locale;
    private Instant occurredAt;
    private IncidentStatus status;
    private Impact impact;
    private Map<String, ComponentStatus> components = new LinkedHashMap<>();
    private Map<String, UpdateEntry> updates = new LinkedHashMap<>();
    private Instant impactStartedAt;
    private Instant impactEndedAt;
    private PostMortemState postMortem;
    private Map<String, TranslationState> translations = new HashMap<>();
    /** Each lifecycle moment's current time; {@code resolved} from the resolving update until one is recorded. */
    private Map<String, Instant> lifecycle = new HashMap<>();

    protected Incident() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeclareIncident command, Clock clock, ComponentCatalogue catalogue) {
        if (incidentId != null) {
            throw CommandRejected.ruleViolation("id", "incident-already-declared",
                    "incident " + command.incidentId() + " was declared already; choose another id or post an update");
        }
        Text.id("id", command.incidentId());
        String title = Text.required("title", command.title(), Text.TITLE_MAX);
        String locale = LanguageTag.normalise("locale", command.locale());
        Impact impact = required("impact", command.impact());
        IncidentStatus status = required("status", command.status());
        String message = Text.required("message", command.message(), Text.MESSAGE_MAX);
        var visibility = required("visibility", command.visibility());
        Map<String, ComponentStatus> components = knownComponents(command.components(), catalogue, Set.of());
        List<String> regions = Text.each("regions", command.regions(),
                (field, region) -> Text.required(field, region, Text.NAME_MAX));
        Text.id("updateId", command.initialUpdateId());
        Instant now = clock.instant();
        Instant occurredAt = Moments.occurredAt(command.occurredAt(), now);
        Instant nextUpdateDueAt = promise(status, command.nextUpdateDueAt(), command.nextUpdateInMinutes(), occurredAt);

        apply(new IncidentDeclared(command.incidentId(), title, locale, impact, components, regions, occurredAt, now));
        apply(new UpdatePosted(command.incidentId(), command.initialUpdateId(), status, message, visibility,
                components, nextUpdateDueAt, occurredAt, now));
        if (status == IncidentStatus.RESOLVED) {
            apply(new IncidentResolved(command.incidentId(), command.initialUpdateId(), occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(PostUpdate command, Clock clock, ComponentCatalogue catalogue) {
        Text.id("updateId", command.updateId());
        if (updates.containsKey(command.updateId())) {
            throw CommandRejected.ruleViolation("updateId", "update-id-taken",
                    "update " + command.updateId() + " exists already on incident " + incidentId);
        }
        IncidentStatus newStatus = required("status", command.status());
        String message = Text.required("message", command.message(), Text.MESSAGE_MAX);
        var visibility = required("visibility", command.visibility());
        Map<String, ComponentStatus> changed = knownComponents(command.components(), catalogue, components.keySet());
        Instant now = clock.instant();
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        Instant nextUpdateDueAt = promise(newStatus, command.nextUpdateDueAt(), command.nextUpdateInMinutes(), occurredAt);

        // apply() runs the event sourcing handlers at once, so the status before this update must be kept aside
        IncidentStatus previousStatus = status;
        if (previousStatus == IncidentStatus.RESOLVED && newStatus != IncidentStatus.RESOLVED) {
            apply(new IncidentReopened(incidentId, command.updateId(), occurredAt, now));
        }
        apply(new UpdatePosted(incidentId, command.updateId(), newStatus, message, visibility, changed,
                nextUpdateDueAt, occurredAt, now));
        if (previousStatus != IncidentStatus.RESOLVED && newStatus == IncidentStatus.RESOLVED) {
            apply(new IncidentResolved(incidentId, command.updateId(), occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AmendUpdate command, Clock clock) {
        UpdateEntry update = liveUpdate("updateId", command.updateId());
        String message = Text.required("message", command.message(), Text.MESSAGE_MAX);
        String reason = Text.required("reason", command.reason(), Text.REASON_MAX);
        Instant now = clock.instant();
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        if (!message.equals(update.message())) {
            apply(new UpdateAmended(incidentId, command.updateId(), message, reason, occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RetractUpdate command, Clock clock) {
        liveUpdate("updateId", command.updateId());
        String reason = Text.required("reason", command.reason(), Text.REASON_MAX);
        Instant now = clock.instant();
        apply(new UpdateRetracted(incidentId, command.updateId(), reason, occurredAt(command.occurredAt(), now), now));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordImpactWindow command, Clock clock) {
        Instant startedAt = required("startedAt", command.startedAt());
        Instant endedAt = command.endedAt();
        String reason = Text.optional("reason", command.reason(), Text.REASON_MAX);
        Instant now = clock.instant();
        Moments.withinBounds("startedAt", startedAt, now);
        Moments.withinBounds("endedAt", endedAt, now);
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            throw CommandRejected.invalid("endedAt", "impact-window-inverted",
                    "endedAt " + endedAt + " lies before startedAt " + startedAt);
        }
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        if (!startedAt.equals(impactStartedAt) || !Objects.equals(endedAt, impactEndedAt)) {
            apply(new ImpactWindowRecorded(incidentId, startedAt, endedAt, reason, occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Records or corrects a lifecycle moment. The rules: a known moment; a time that is not in the future;
     * acknowledged, mitigated and resolved not before detected; while the incident is resolved, no moment after its
     * resolution ({@code resolved} itself only while it is resolved); a correction says why. The impact window does
     * not bound these times: monitoring may catch a fault before customers feel it, and the window is often corrected
     * after the moments are recorded.
     */
    @CommandHandler
    public long handle(RecordLifecycleTime command, Clock clock, LifecycleMoments moments) {
        String moment = moments.known("moment", command.moment());
        Instant at = required("at", command.at());
        Instant now = clock.instant();
        Moments.withinBounds("at", at, now);
        Instant previousAt = lifecycle.get(moment);
        String reason = previousAt == null || previousAt.equals(at)
                ? Text.optional("reason", command.reason(), Text.REASON_MAX)
                : Text.required("reason", command.reason(), Text.REASON_MAX);
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        if (at.equals(previousAt)) {
            return AggregateLifecycle.getVersion();
        }
        if (moment.equals(LifecycleMoments.RESOLVED)) {
            if (status != IncidentStatus.RESOLVED) {
                throw CommandRejected.ruleViolation("moment", "lifecycle-resolved-while-open",
                        "incident " + incidentId + " is " + status.wire() + "; resolved can be recorded once an update "
                                + "resolves it");
            }
            lifecycle.forEach((other, time) -> {
                if (!other.equals(moment) && time.isAfter(at)) {
                    throw afterResolution(other + " (" + time + ") would lie after the resolution at " + at);
                }
            });
        } else {
            Instant resolvedAt = lifecycle.get(LifecycleMoments.RESOLVED);
            if (resolvedAt != null && at.isAfter(resolvedAt)) {
                throw afterResolution(moment + " " + at + " lies after the resolution at " + resolvedAt
                        + "; only a reopened incident takes later times");
            }
        }
        if (moment.equals(LifecycleMoments.DETECTED)) {
            for (String later : LifecycleMoments.AFTER_DETECTION) {
                Instant time = lifecycle.get(later);
                if (time != null && time.isBefore(at)) {
                    throw beforeDetection(later + " (" + time + ") would lie before detection at " + at);
                }
            }
        } else if (LifecycleMoments.AFTER_DETECTION.contains(moment)) {
            Instant detectedAt = lifecycle.get(LifecycleMoments.DETECTED);
            if (detectedAt != null && at.isBefore(detectedAt)) {
                throw beforeDetection(moment + " " + at + " lies before detection at " + detectedAt);
            }
        }
        apply(new LifecycleTimeRecorded(incidentId, moment, at, previousAt, reason, occurredAt, now));
        return AggregateLifecycle.getVersion();
    }

    private static CommandRejected afterResolution(String message) {
        return CommandRejected.ruleViolation("at", "lifecycle-after-resolution", message);
    }

    private static CommandRejected beforeDetection(String message) {
        return CommandRejected.ruleViolation("at", "lifecycle-before-detection",
                message + "; acknowledged, mitigated and resolved answer a detection and cannot precede it");
    }

    @CommandHandler
    public long handle(ChangeImpact command, Clock clock, ComponentCatalogue catalogue) {
        Impact newImpact = required("impact", command.impact());
        // the whole set of affected components: an absent one would silently clear it
        Map<String, ComponentStatus> newComponents = knownComponents(required("components", command.components()),
                catalogue, components.keySet());
        Instant now = clock.instant();
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        if (newImpact != impact || !newComponents.equals(components)) {
            apply(new ImpactChanged(incidentId, newImpact, newComponents, occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AddTranslation command, Clock clock) {
        String translationLocale = LanguageTag.normalise("locale", command.locale());
        if (translationLocale.equalsIgnoreCase(locale)) {
            throw CommandRejected.invalid("locale", "translation-of-authoritative-locale",
                    "locale " + translationLocale + " is the incident's authoritative locale; translations need another");
        }
        boolean machineTranslated = required("machineTranslated", command.machineTranslated());
        String engine = Text.optional("engine", command.engine(), Text.NAME_MAX);
        String translatedTitle = Text.optional("title", command.title(), Text.TITLE_MAX);
        Map<String, String> translatedUpdates = translatedUpdates(command.updates());
        PostMortemSections translatedPostMortem = translatedPostMortem(command.postMortem());
        if (translatedTitle == null && translatedUpdates.isEmpty() && translatedPostMortem == null) {
            throw CommandRejected.invalid("title", "translation-empty",
                    "a translation needs at least one text: title, updates or postMortem");
        }
        Instant now = clock.instant();
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        var translation = new TranslationAdded(incidentId, translationLocale, machineTranslated, engine,
                translatedTitle, translatedUpdates, translatedPostMortem, occurredAt, now);
        TranslationState existing = translations.get(translationLocale);
        if (!TranslationState.merge(existing, translation).equals(existing)) {
            apply(translation);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(PublishPostMortem command, Clock clock) {
        if (status != IncidentStatus.RESOLVED) {
            throw CommandRejected.ruleViolation("status", "post-mortem-before-resolution",
                    "incident " + incidentId + " is " + status.wire() + "; a post-mortem can be published once it is resolved");
        }
        if (!resolvedInPublic()) {
            throw CommandRejected.ruleViolation("status", "post-mortem-before-resolution",
                    "incident " + incidentId + " is resolved only by internal updates; a post-mortem can be published"
                            + " once a public update resolves it");
        }
        PostMortemSections sections = new PostMortemSections(
                Text.required("summary", command.summary(), Text.MESSAGE_MAX),
                Text.required("rootCause", command.rootCause(), Text.MESSAGE_MAX),
                Text.required("resolution", command.resolution(), Text.MESSAGE_MAX));
        var items = RemediationPlan.items(command.remediation(), postMortem == null ? List.of() : postMortem.items());
        Instant now = clock.instant();
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        if (postMortem == null || !postMortem.sections().equals(sections) || !postMortem.items().equals(items)) {
            int revision = postMortem == null ? 1 : postMortem.revision() + 1;
            apply(new PostMortemPublished(incidentId, revision, sections.summary(), sections.rootCause(),
                    sections.resolution(), items, occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CompleteRemediationItem command, Clock clock) {
        if (postMortem == null || !postMortem.hasItem(command.itemId())) {
            throw CommandRejected.notFound("itemId", "remediation-item-not-found",
                    "incident " + incidentId + " has no remediation item " + command.itemId());
        }
        Instant now = clock.instant();
        Instant occurredAt = occurredAt(command.occurredAt(), now);
        if (!postMortem.completed().contains(command.itemId())) {
            apply(new RemediationItemCompleted(incidentId, command.itemId(), occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The public lifecycle status after the latest update; null before the first one. */
    public IncidentStatus status() {
        return status;
    }

    /** The ids of every update posted on this incident, retracted ones included. */
    public Set<String> updateIds() {
        return Set.copyOf(updates.keySet());
    }

    /** Whether the public sees the incident resolved: its latest public update that stands says so. */
    private boolean resolvedInPublic() {
        UpdateEntry latest = null;
        for (UpdateEntry update : updates.values()) {
            if (update.seenByThePublic()) {
                latest = update;
            }
        }
        return latest != null && latest.status() == IncidentStatus.RESOLVED;
    }

    private Instant occurredAt(Instant claimed, Instant now) {
        Instant occurred = Moments.occurredAt(claimed, now);
        if (occurred.isBefore(occurredAt)) {
            throw CommandRejected.invalid("occurredAt", "occurred-before-incident",
                    "occurredAt " + occurred + " lies before the incident itself (" + occurredAt + ")");
        }
        return occurred;
    }

    private static Instant promise(IncidentStatus status, Instant dueAt, Integer inMinutes, Instant occurredAt) {
        if (status == IncidentStatus.RESOLVED && (dueAt != null || inMinutes != null)) {
            throw CommandRejected.invalid(dueAt != null ? "nextUpdateDueAt" : "nextUpdateInMinutes",
                    "next-update-after-resolution",
                    "a resolved update cannot promise a next update");
        }
        return NextUpdatePromise.dueAt(dueAt, inMinutes, occurredAt);
    }

    private UpdateEntry liveUpdate(String field, String updateId) {
        UpdateEntry update = updates.get(updateId);
        if (update == null) {
            throw CommandRejected.notFound(field, "update-not-found",
                    "incident " + incidentId + " has no update " + updateId);
        }
        if (update.retracted()) {
            throw CommandRejected.ruleViolation(field, "update-retracted",
                    "update " + updateId + " was retracted and can no longer be changed");
        }
        return update;
    }

    /**
     * The requested components, each defined in the catalogue; a retired one only if it is among the incident's
     * components already ({@code named}), so that an incident under way can still report it operational again.
     */
    private static Map<String, ComponentStatus> knownComponents(Map<String, ComponentStatus> requested,
                                                                ComponentCatalogue catalogue, Set<String> named) {
        if (requested == null) {
            return Map.of();
        }
        Map<String, ComponentStatus> known = new LinkedHashMap<>();
        requested.forEach((componentId, componentStatus) -> {
            if (componentId == null || !catalogue.isDefined(componentId)) {
                throw CommandRejected.invalid("components", "unknown-component",
                        "component " + componentId + " is not in the catalogue; define it first");
            }
            if (!named.contains(componentId) && catalogue.isRetired(componentId)) {
                throw CommandRejected.ruleViolation("components", "component-retired",
                        "component " + componentId + " was retired; name a component of the current catalogue");
            }
            known.put(componentId, required("components." + componentId, componentStatus));
        });
        return Map.copyOf(known);
    }

    private Map<String, String> translatedUpdates(Map<String, String> requested) {
        if (requested == null) {
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        requested.forEach((updateId, text) -> {
            if (liveUpdate("updates." + updateId, updateId).internal()) {
                throw CommandRejected.ruleViolation("updates." + updateId, "translation-of-internal-update",
                        "update " + updateId + " is internal; only public updates are translated for readers");
            }
            texts.put(updateId, Text.required("updates." + updateId, text, Text.MESSAGE_MAX));
        });
        return Map.copyOf(texts);
    }

    private PostMortemSections translatedPostMortem(PostMortemSections requested) {
        if (requested == null) {
            return null;
        }
        if (postMortem == null) {
            throw CommandRejected.ruleViolation("postMortem", "post-mortem-not-published",
                    "incident " + incidentId + " has no post-mortem to translate yet");
        }
        var sections = new PostMortemSections(
                Text.optional("postMortem.summary", requested.summary(), Text.MESSAGE_MAX),
                Text.optional("postMortem.rootCause", requested.rootCause(), Text.MESSAGE_MAX),
                Text.optional("postMortem.resolution", requested.resolution(), Text.MESSAGE_MAX));
        return sections.summary() == null && sections.rootCause() == null && sections.resolution() == null
                ? null : sections;
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw CommandRejected.invalid(field, "value-required", field + " is required");
        }
        return value;
    }

    @EventSourcingHandler
    void on(IncidentDeclared event) {
        incidentId = event.incidentId();
        locale = event.locale();
        occurredAt = event.occurredAt();
        impact = event.impact();
        components = new LinkedHashMap<>(event.components());
    }

    @EventSourcingHandler
    void on(UpdatePosted event) {
        status = event.status();
        updates.put(event.updateId(), new UpdateEntry(event.message(), event.visibility(), event.status(), false));
        components.putAll(event.components());
    }

    @EventSourcingHandler
    void on(UpdateAmended event) {
        updates.computeIfPresent(event.updateId(), (id, update) -> update.amendedTo(event.message()));
    }

    @EventSourcingHandler
    void on(UpdateRetracted event) {
        updates.computeIfPresent(event.updateId(), (id, update) -> update.retract());
    }

    @EventSourcingHandler
    void on(ImpactWindowRecorded event) {
        impactStartedAt = event.startedAt();
        impactEndedAt = event.endedAt();
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        lifecycle.put(LifecycleMoments.RESOLVED, event.occurredAt());
    }

    @EventSourcingHandler
    void on(IncidentReopened event) {
        lifecycle.remove(LifecycleMoments.RESOLVED);
    }

    @EventSourcingHandler
    void on(LifecycleTimeRecorded event) {
        lifecycle.put(event.moment(), event.at());
    }

    @EventSourcingHandler
    void on(ImpactChanged event) {
        impact = event.impact();
        components = new LinkedHashMap<>(event.components());
    }

    @EventSourcingHandler
    void on(TranslationAdded event) {
        translations.put(event.locale(), TranslationState.merge(translations.get(event.locale()), event));
    }

    @EventSourcingHandler
    void on(PostMortemPublished event) {
        postMortem = PostMortemState.published(postMortem, event);
    }

    @EventSourcingHandler
    void on(RemediationItemCompleted event) {
        postMortem = postMortem.withCompleted(event.itemId());
    }
}
