package io.incidenttimeline.api.http.read.publicapi;

import io.incidenttimeline.core.component.Component;
import io.incidenttimeline.core.incident.event.RemediationItem;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicPostMortem;
import io.incidenttimeline.projections.publicview.PublicTranslation;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Our richer public incident document: texts in the reader's locale where a translation exists (else the
 * authoritative text), a disclaimer naming the authoritative locale whenever a machine translation is shown, and every
 * time in UTC and in the reader's zone. A translation older than a correction of its original is never shown: the
 * corrected original is, and {@code outdatedTranslation} says which texts and why. The notices are in the language
 * shown, as on the HTML page. Used for the live view and for time travel alike.
 */
@Schema(name = "PublicIncident", description = "Texts in the reader's locale where translated; updates newest first")
public record LocalizedIncident(@Schema(example = "talk-call-recordings-2024-07-05") String id,
                                @Schema(example = "de") String locale,
                                @Schema(example = "en") String authoritativeLocale,
                                String title, String status, String impact,
                                @Schema(example = "America/Los_Angeles") String timeZone, LocalizedTime startedAt,
                                ImpactWindow impactWindow, LocalizedTime monitoringAt, LocalizedTime resolvedAt,
                                LocalizedTime updatedAt, List<Component> components,
                                @ArraySchema(arraySchema = @Schema(description = "the affected regions as declared, "
                                        + "such as eu-west-1 or \"several pods\"; empty when none were named"))
                                List<String> regions, List<Update> updates,
                                LocalizedTime nextUpdateDueAt, boolean nextUpdateOverdue, PostMortem postMortem,
                                List<Translation> translations, boolean machineTranslated, String disclaimer,
                                OutdatedTranslation outdatedTranslation) {

    @Schema(name = "PublicImpactWindow")
    public record ImpactWindow(LocalizedTime startedAt, LocalizedTime endedAt) {
    }

    @Schema(name = "PublicIncidentComponent")
    public record Component(String id, String name, String group, String status) {
    }

    @Schema(name = "PublicIncidentUpdate")
    public record Update(String id, String status, String body, boolean edited, LocalizedTime displayAt,
                         LocalizedTime createdAt, LocalizedTime editedAt, LocalizedTime nextUpdateDueAt) {
    }

    @Schema(name = "PublicRemediationItem")
    public record RemediationItem(String id, String title, String owner, @Schema(example = "2024-07-31") String dueDate,
                                  boolean completed,
                                  @Schema(description = "when it was completed; null while open (and for items "
                                          + "completed before this time was kept)") LocalizedTime completedAt) {
    }

    @Schema(name = "PublicPostMortem")
    public record PostMortem(int revision, String summary, String rootCause, String resolution,
                             LocalizedTime publishedAt, LocalizedTime revisedAt, List<RemediationItem> remediation) {
    }

    @Schema(name = "PublicTranslationAvailable")
    public record Translation(String locale, boolean machineTranslated) {
    }

    /** Texts the translation shown has not caught up with yet; they are in the authoritative locale. */
    @Schema(name = "PublicOutdatedTranslation",
            description = "Texts whose original was corrected after it was translated: shown in the original until the"
                    + " translation is renewed")
    public record OutdatedTranslation(@Schema(example = "de") String locale,
                                      @Schema(description = "ids of the updates shown in the original") List<String> updates,
                                      @Schema(description = "post-mortem sections shown in the original",
                                              example = "[\"rootCause\"]") List<String> postMortem,
                                      @Schema(example = "Die Übersetzung auf Deutsch wird aktualisiert. …") String notice) {
    }

    /** The public incident as it was at {@code asOf}: the same document, the moment first. */
    @Schema(name = "AuditPublicIncident", description = "The public incident as it was at asOf")
    public record AsOf(Instant asOf, @JsonUnwrapped LocalizedIncident incident) {
    }

    public static LocalizedIncident render(PublicIncident incident, List<PublicComponent> catalogue,
                                           ReaderPreferences reader, Instant now, IncidentNotices notices) {
        List<String> available = new ArrayList<>();
        available.add(incident.locale());
        incident.translations().keySet().stream().sorted().forEach(available::add);
        String shown = reader.choose(available);
        PublicTranslation translation = shown.equals(incident.locale()) ? null : incident.translations().get(shown);
        ZoneId zone = reader.zone();
        Texts texts = new Texts(translation);

        String title = texts.pick(incident.title(), translation == null ? null : translation.title());
        List<Update> updates = incident.updatesNewestFirst().stream().map(update -> update(update, texts, zone)).toList();
        PostMortem postMortem = postMortem(incident.postMortem(), texts, zone);
        return new LocalizedIncident(incident.id(), shown, incident.locale(), title, incident.status().wire(),
                incident.impact().wire(), zone.getId(), LocalizedTime.of(incident.startedAt(), zone),
                new ImpactWindow(LocalizedTime.of(incident.impactStartedAt(), zone),
                        LocalizedTime.of(incident.impactEndedAt(), zone)),
                LocalizedTime.of(incident.monitoringAt(), zone), LocalizedTime.of(incident.resolvedAt(), zone),
                LocalizedTime.of(incident.updatedAt(), zone), components(incident, catalogue), incident.regions(), updates,
                LocalizedTime.of(incident.nextUpdateDueAt(), zone), incident.overdue(now), postMortem,
                incident.translations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Translation(e.getKey(), e.getValue().machineTranslated())).toList(),
                texts.machineShown, texts.machineShown ? notices.machineTranslated(shown, incident.locale()) : null,
                outdated(shown, incident, texts, notices));
    }

    private static OutdatedTranslation outdated(String shown, PublicIncident incident, Texts texts,
                                                IncidentNotices notices) {
        if (texts.translation == null) {
            return null;
        }
        List<String> updates = incident.updates().stream().map(PublicUpdate::id)
                .filter(texts.translation.outdatedUpdates()::contains).sorted().toList();
        List<String> sections = incident.postMortem() == null ? List.of()
                : texts.translation.outdatedPostMortem().stream().sorted().toList();
        return updates.isEmpty() && sections.isEmpty() ? null
                : new OutdatedTranslation(shown, updates, sections, notices.outdated(shown, incident.locale()));
    }

    private static List<Component> components(PublicIncident incident, List<PublicComponent> catalogue) {
        Map<String, PublicComponent> byId = catalogue.stream()
                .collect(Collectors.toMap(PublicComponent::id, Function.identity(), (a, b) -> a));
        return incident.components().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            PublicComponent known = byId.get(entry.getKey());
            return new Component(entry.getKey(), known == null ? entry.getKey() : known.name(),
                    known == null ? null : known.group(), entry.getValue().wire());
        }).toList();
    }

    private static Update update(PublicUpdate update, Texts texts, ZoneId zone) {
        return new Update(update.id(), update.status().wire(), texts.pick(update.message(), texts.update(update)),
                update.edited(), LocalizedTime.of(update.occurredAt(), zone), LocalizedTime.of(update.recordedAt(), zone),
                LocalizedTime.of(update.editedAt(), zone), LocalizedTime.of(update.nextUpdateDueAt(), zone));
    }

    private static PostMortem postMortem(PublicPostMortem postMortem, Texts texts, ZoneId zone) {
        if (postMortem == null) {
            return null;
        }
        PublicTranslation t = texts.translation;
        return new PostMortem(postMortem.revision(),
                texts.pick(postMortem.summary(), t == null ? null : t.postMortemSummary()),
                texts.pick(postMortem.rootCause(), t == null ? null : t.postMortemRootCause()),
                texts.pick(postMortem.resolution(), t == null ? null : t.postMortemResolution()),
                LocalizedTime.of(postMortem.publishedAt(), zone), LocalizedTime.of(postMortem.revisedAt(), zone),
                postMortem.remediation().stream().map(item -> new RemediationItem(item.id(), item.title(), item.owner(),
                        item.dueDate() == null ? null : item.dueDate().toString(), item.completed(),
                        LocalizedTime.of(item.completedAt(), zone))).toList());
    }

    /** Picks translated texts where they exist, remembering whether a machine translation was shown. */
    private static final class Texts {

        private final PublicTranslation translation;
        private boolean machineShown;

        Texts(PublicTranslation translation) {
            this.translation = translation;
        }

        String update(PublicUpdate update) {
            return translation == null ? null : translation.updates().get(update.id());
        }

        String pick(String original, String translated) {
            if (translated == null) {
                return original;
            }
            machineShown |= translation.machineTranslated();
            return translated;
        }
    }
}
