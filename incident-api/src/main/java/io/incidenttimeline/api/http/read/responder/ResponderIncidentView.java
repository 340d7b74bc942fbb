package io.incidenttimeline.api.http.read.responder;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.responder.Authored;
import io.incidenttimeline.projections.responder.ResponderComponent;
import io.incidenttimeline.projections.responder.ResponderIncident;
import io.incidenttimeline.projections.responder.ResponderPostMortem;
import io.incidenttimeline.projections.responder.ResponderTranslation;
import io.incidenttimeline.projections.responder.ResponderUpdate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole incident as responders know it: internal updates (marked), corrections, translations, promises. */
@Schema(name = "ResponderIncident")
public record ResponderIncidentView(
        String id, String title, String locale, Impact impact,
        @Schema(description = "the status of the latest update posted") IncidentStatus status, boolean resolved,
        Instant resolvedAt,
        @Schema(description = "public once it has a public update that was not retracted, else internal")
        Visibility visibility,
        List<String> regions, Authored declared,
        @Schema(description = "the incident's version, the ETag and what If-Match takes on its commands") long version,
        @Schema(description = "the affected components and their statuses now") List<ComponentLine> components,
        @Schema(description = "the impact window as last recorded, or null") Window impactWindow,
        @Schema(description = "every recording of the impact window, oldest first") List<Window> impactWindowHistory,
        @Schema(description = "the lifecycle moments recorded (detected, acknowledged, mitigated, resolved, configured "
                + "extras), in the order they happened; internal, never on the public page")
        List<LifecycleMoment> lifecycle,
        List<ImpactChange> impactChanges,
        @Schema(description = "every update in the order it was posted, internal and retracted ones included")
        List<Update> updates,
        List<Translation> translations, PostMortem postMortem,
        @Schema(description = "every next-update promise of a live update, with its outcome now") List<Promise> promises,
        Instant updatedAt) {

    @Schema(name = "ResponderComponentLine")
    public record ComponentLine(String id, String name, String group, ComponentStatus status, boolean retired) {
    }

    @Schema(name = "ResponderImpactWindow")
    public record Window(Instant startedAt, Instant endedAt, String reason, Authored recorded) {
    }

    @Schema(name = "ResponderLifecycleMoment")
    public record LifecycleMoment(String moment,
                                  @Schema(description = "its time now; null for resolved while a reopened incident is "
                                          + "open") Instant at,
                                  @Schema(description = "for resolved: the update that resolved the incident, while "
                                          + "its time has not been corrected") String fromUpdate,
                                  @Schema(description = "every recording, oldest first; a correction names the time it "
                                          + "replaced and why") List<LifecycleRecording> history) {
    }

    @Schema(name = "ResponderLifecycleRecording")
    public record LifecycleRecording(Instant at, Instant previousAt, String reason, Authored recorded) {
    }

    @Schema(name = "ResponderImpactChange")
    public record ImpactChange(Impact impact, Map<String, ComponentStatus> components, Authored changed) {
    }

    @Schema(name = "ResponderUpdate")
    public record Update(String id, IncidentStatus status,
                         @Schema(description = "internal updates never reach the public page") Visibility visibility,
                         boolean internal,
                         @Schema(description = "the text now, after any amendment") String message,
                         @Schema(description = "the component statuses this update changed")
                         Map<String, ComponentStatus> components,
                         Instant nextUpdateDueAt, Authored posted, boolean amended,
                         @Schema(description = "every correction of the text, oldest first, with the text before it")
                         List<Amendment> amendments, boolean retracted, Retraction retraction) {
    }

    @Schema(name = "ResponderAmendment")
    public record Amendment(String previousMessage, String message, String reason, Authored amended) {
    }

    @Schema(name = "ResponderRetraction")
    public record Retraction(String reason, Authored retracted) {
    }

    @Schema(name = "ResponderTranslation")
    public record Translation(String locale, boolean machineTranslated, String engine, Text title,
                              @Schema(description = "per update id") Map<String, Text> updates,
                              @Schema(description = "per section: summary, rootCause, resolution")
                              Map<String, Text> postMortem) {
    }

    @Schema(name = "ResponderTranslatedText")
    public record Text(String text, Authored translated,
                       @Schema(description = "false when the original changed after this was translated")
                       boolean current) {
    }

    @Schema(name = "ResponderPostMortem")
    public record PostMortem(int revision, String summary, String rootCause, String resolution,
                             List<RemediationItem> remediation, Authored firstPublished, Authored lastRevised) {
    }

    @Schema(name = "ResponderRemediationItem")
    public record RemediationItem(String id, String title, String owner, LocalDate dueDate, boolean completed,
                                  Authored completedBy) {
    }

    @Schema(name = "ResponderPromise")
    public record Promise(String updateId, Visibility audience, Instant madeAt, Instant dueAt,
                          @Schema(description = "the update that answered it, if one did") String answeredBy,
                          Instant answeredAt,
                          @Schema(allowableValues = {"kept", "broken", "pending"}) String outcome) {
    }

    /** The view of {@code incident}, its components named from {@code catalogue}, promises judged at {@code now}. */
    public static ResponderIncidentView of(ResponderIncident incident, List<ResponderComponent> catalogue,
                                           Instant now) {
        Map<String, ResponderComponent> byId = catalogue.stream()
                .collect(Collectors.toMap(ResponderComponent::id, Function.identity(), (a, b) -> a));
        List<ComponentLine> components = incident.components().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    ResponderComponent known = byId.get(e.getKey());
                    return new ComponentLine(e.getKey(), known == null ? e.getKey() : known.name(),
                            known == null ? null : known.group(), e.getValue(), known != null && known.retired());
                }).toList();
        return new ResponderIncidentView(incident.id(), incident.title(), incident.locale(), incident.impact(),
                incident.status(), incident.resolved(), incident.resolvedAt(),
                incident.visible() ? Visibility.PUBLIC : Visibility.INTERNAL, incident.regions(), incident.declared(),
                incident.version(), components, window(incident.impactWindow()),
                incident.impactWindowHistory().stream().map(ResponderIncidentView::window).toList(),
                incident.lifecycle().stream().map(m -> new LifecycleMoment(m.moment(), m.at(), m.fromUpdate(),
                        m.history().stream().map(r -> new LifecycleRecording(r.at(), r.previousAt(), r.reason(),
                                r.recorded())).toList())).toList(),
                incident.impactChanges().stream().map(c -> new ImpactChange(c.impact(), c.components(), c.changed()))
                        .toList(),
                incident.updates().stream().map(ResponderIncidentView::update).toList(),
                incident.translations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> translation(incident, e.getKey(), e.getValue())).toList(),
                postMortem(incident.postMortem()),
                incident.promises(now).stream().map(p -> new Promise(p.updateId(), p.audience(), p.madeAt(), p.dueAt(),
                        p.answeredBy(), p.answeredAt(), p.outcome().name().toLowerCase())).toList(),
                incident.updatedAt());
    }

    private static Window window(ResponderIncident.ImpactWindow window) {
        return window == null ? null
                : new Window(window.startedAt(), window.endedAt(), window.reason(), window.recorded());
    }

    private static Update update(ResponderUpdate u) {
        return new Update(u.id(), u.status(), u.visibility(), u.visibility() == Visibility.INTERNAL, u.message(),
                u.components(), u.nextUpdateDueAt(), u.posted(), !u.amendments().isEmpty(),
                u.amendments().stream().map(a -> new Amendment(a.previousMessage(), a.message(), a.reason(),
                        a.amended())).toList(),
                u.retraction() != null,
                u.retraction() == null ? null : new Retraction(u.retraction().reason(), u.retraction().retracted()));
    }

    /** A translated text is current when it was given after the original last changed. */
    private static Translation translation(ResponderIncident incident, String locale, ResponderTranslation t) {
        Map<String, Text> updates = t.updates().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            ResponderUpdate original = incident.update(e.getKey());
            return text(e.getValue(), original == null ? 0 : original.textVersion());
        }));
        ResponderPostMortem postMortem = incident.postMortem();
        Map<String, Text> sections = t.postMortem().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> text(e.getValue(), postMortem == null ? 0
                        : postMortem.sectionVersions().getOrDefault(e.getKey(), 0L))));
        return new Translation(locale, t.machineTranslated(), t.engine(),
                t.title() == null ? null : text(t.title(), 0), updates, sections);
    }

    private static Text text(ResponderTranslation.Translated translated, long originalVersion) {
        return new Text(translated.text(), translated.translated(), translated.version() > originalVersion);
    }

    private static PostMortem postMortem(ResponderPostMortem p) {
        return p == null ? null : new PostMortem(p.revision(), p.summary(), p.rootCause(), p.resolution(),
                p.remediation().stream().map(i -> new RemediationItem(i.id(), i.title(), i.owner(), i.dueDate(),
                        i.completed() != null, i.completed())).toList(), p.firstPublished(), p.lastRevised());
    }
}
