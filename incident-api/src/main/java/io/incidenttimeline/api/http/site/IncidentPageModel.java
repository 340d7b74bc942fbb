package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.read.publicapi.IncidentNotices;
import io.incidenttimeline.api.http.read.publicapi.LocalizedIncident;
import io.incidenttimeline.projections.metrics.IncidentMetrics;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds the incident page from the same localized document the public JSON API serves ({@link LocalizedIncident}:
 * the reader's translation, the disclaimer decision, times in UTC and the reader's zone), plus what only the page
 * shows: how long the impact lasted and, when the operator chose to show it ({@link PageOptions}), whether each
 * "next update by" promise was kept.
 */
@Component
class IncidentPageModel {

    private final IncidentNotices notices;
    private final PageOptions options;

    IncidentPageModel(IncidentNotices notices, PageOptions options) {
        this.notices = notices;
        this.options = options;
    }

    IncidentView of(PublicIncident incident, PageView page, PageReader reader, Words words, Instant now) {
        LocalizedIncident localized = LocalizedIncident.render(incident, page.catalogue(),
                reader.preferences(), now, notices);
        ZoneId zone = reader.zone();
        Map<String, IncidentMetrics.Outcome> promises = IncidentMetrics.of(incident, now).promises().stream()
                .collect(Collectors.toMap(IncidentMetrics.Promise::updateId, IncidentMetrics.Promise::outcome));
        Map<String, PublicUpdate> updates = incident.updates().stream()
                .collect(Collectors.toMap(PublicUpdate::id, Function.identity()));

        List<IncidentView.UpdateView> shown = localized.updates().stream().map(update -> {
            var source = updates.get(update.id());
            IncidentMetrics.Outcome outcome = options.showPromiseOutcomes() ? promises.get(update.id()) : null;
            return new IncidentView.UpdateView(update.id(), update.status(), update.body(),
                    Moment.of(source.occurredAt(), zone), update.edited(), Moment.of(source.editedAt(), zone),
                    Moment.of(source.nextUpdateDueAt(), zone), outcome == null ? null : outcome.name().toLowerCase(Locale.ROOT));
        }).toList();

        Duration impact = incident.impactStartedAt() == null ? null
                : Duration.between(incident.impactStartedAt(), incident.impactEndedAt() != null ? incident.impactEndedAt() : now);
        String original = incident.locale();
        return new IncidentView(incident.id(), localized.locale(), localized.title(), localized.status(),
                localized.impact(), localized.machineTranslated(), words.languageNameHere(localized.locale()), original,
                words.languageNameHere(original), PageLinks.incident(incident.id(), original, reader.tz()),
                localized.components().stream().map(c -> new IncidentView.ComponentLine(c.name(), c.group(), c.status()))
                        .toList(),
                incident.regions(), Moment.of(incident.impactStartedAt(), zone), Moment.of(incident.impactEndedAt(), zone),
                impact == null ? null : duration(impact, words),
                Moment.of(incident.nextUpdateDueAt(), zone), options.showPromiseOutcomes() && localized.nextUpdateOverdue(), shown,
                postMortem(localized.postMortem(), incident, zone), languages(incident, localized.locale(), reader),
                localized.outdatedTranslation());
    }

    private static IncidentView.PostMortemView postMortem(LocalizedIncident.PostMortem localized,
                                                          PublicIncident incident, ZoneId zone) {
        if (localized == null) {
            return null;
        }
        var source = incident.postMortem();
        boolean revised = source.revision() > 1;
        return new IncidentView.PostMortemView(source.revision(), localized.summary(), localized.rootCause(),
                localized.resolution(), Moment.of(source.publishedAt(), zone),
                revised ? Moment.of(source.revisedAt(), zone) : null,
                localized.remediation().stream().map(item ->
                        new IncidentView.RemediationView(item.title(), item.dueDate(), item.completed(),
                                Moment.of(source.remediation().stream().filter(i -> i.id().equals(item.id()))
                                        .findFirst().map(i -> i.completedAt()).orElse(null), zone))).toList());
    }

    /** "2 h 42 min", "31 min", "3 h": no part that is zero, except "0 min" for less than a minute. */
    static String duration(Duration length, Words words) {
        long hours = length.toHours();
        int minutes = length.toMinutesPart();
        if (hours == 0) {
            return words.get("incident.duration.minutes", minutes);
        }
        return minutes == 0 ? words.get("incident.duration.hours", hours)
                : words.get("incident.duration.value", hours, minutes);
    }

    private static List<IncidentView.LanguageLink> languages(PublicIncident incident, String shown, PageReader reader) {
        List<IncidentView.LanguageLink> links = new ArrayList<>();
        links.add(new IncidentView.LanguageLink(incident.locale(), Words.languageName(incident.locale()), "original",
                PageLinks.incident(incident.id(), incident.locale(), reader.tz()), incident.locale().equals(shown)));
        incident.translations().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                links.add(new IncidentView.LanguageLink(entry.getKey(), Words.languageName(entry.getKey()),
                        entry.getValue().machineTranslated() ? "machine" : "human",
                        PageLinks.incident(incident.id(), entry.getKey(), reader.tz()), entry.getKey().equals(shown))));
        return links;
    }
}
