package io.incidenttimeline.api.publicapi;

import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicPostMortem;
import io.incidenttimeline.projections.publicview.PublicTranslation;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Our richer public incident document: texts in the reader's locale where a translation exists (else the
 * authoritative text), a disclaimer naming the authoritative locale whenever a machine translation is shown, and every
 * time in UTC and in the reader's zone. Used for the live view and for time travel alike.
 */
public final class LocalizedIncident {

    private LocalizedIncident() {
    }

    public static Map<String, Object> render(PublicIncident incident, List<PublicComponent> catalogue,
                                             ReaderPreferences reader, Instant now) {
        List<String> available = new ArrayList<>();
        available.add(incident.locale());
        incident.translations().keySet().stream().sorted().forEach(available::add);
        String shown = reader.choose(available);
        PublicTranslation translation = shown.equals(incident.locale()) ? null : incident.translations().get(shown);
        ZoneId zone = reader.zone();
        Texts texts = new Texts(translation);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("locale", shown);
        json.put("authoritativeLocale", incident.locale());
        json.put("title", texts.pick(incident.title(), translation == null ? null : translation.title()));
        json.put("status", incident.status().wire());
        json.put("impact", incident.impact().wire());
        json.put("timeZone", zone.getId());
        json.put("startedAt", LocalTimes.of(incident.startedAt(), zone));
        json.put("impactWindow", impactWindow(incident, zone));
        json.put("monitoringAt", LocalTimes.of(incident.monitoringAt(), zone));
        json.put("resolvedAt", LocalTimes.of(incident.resolvedAt(), zone));
        json.put("updatedAt", LocalTimes.of(incident.updatedAt(), zone));
        json.put("components", components(incident, catalogue));
        json.put("updates", incident.updatesNewestFirst().stream().map(update -> update(update, texts, zone)).toList());
        json.put("nextUpdateDueAt", LocalTimes.of(incident.nextUpdateDueAt(), zone));
        json.put("nextUpdateOverdue", incident.overdue(now));
        json.put("postMortem", postMortem(incident.postMortem(), texts, zone));
        json.put("translations", incident.translations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("locale", e.getKey(), "machineTranslated", e.getValue().machineTranslated())).toList());
        json.put("machineTranslated", texts.machineShown);
        json.put("disclaimer", texts.machineShown ? disclaimer(shown, incident.locale()) : null);
        return json;
    }

    static String disclaimer(String shown, String authoritative) {
        return "This text was machine-translated into " + shown + ". The original in " + authoritative
                + " is authoritative; where they differ, the " + authoritative + " text prevails.";
    }

    private static Map<String, Object> impactWindow(PublicIncident incident, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", LocalTimes.of(incident.impactStartedAt(), zone));
        json.put("endedAt", LocalTimes.of(incident.impactEndedAt(), zone));
        return json;
    }

    private static List<Map<String, Object>> components(PublicIncident incident, List<PublicComponent> catalogue) {
        Map<String, PublicComponent> byId = catalogue.stream()
                .collect(Collectors.toMap(PublicComponent::id, Function.identity(), (a, b) -> a));
        return incident.components().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            PublicComponent known = byId.get(entry.getKey());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", entry.getKey());
            json.put("name", known == null ? entry.getKey() : known.name());
            json.put("group", known == null ? null : known.group());
            json.put("status", entry.getValue().wire());
            return json;
        }).toList();
    }

    private static Map<String, Object> update(PublicUpdate update, Texts texts, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", update.id());
        json.put("status", update.status().wire());
        json.put("body", texts.pick(update.message(), texts.update(update)));
        json.put("edited", update.edited());
        json.put("displayAt", LocalTimes.of(update.occurredAt(), zone));
        json.put("createdAt", LocalTimes.of(update.recordedAt(), zone));
        json.put("editedAt", LocalTimes.of(update.editedAt(), zone));
        json.put("nextUpdateDueAt", LocalTimes.of(update.nextUpdateDueAt(), zone));
        return json;
    }

    private static Map<String, Object> postMortem(PublicPostMortem postMortem, Texts texts, ZoneId zone) {
        if (postMortem == null) {
            return null;
        }
        PublicTranslation t = texts.translation;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", postMortem.revision());
        json.put("summary", texts.pick(postMortem.summary(), t == null ? null : t.postMortemSummary()));
        json.put("rootCause", texts.pick(postMortem.rootCause(), t == null ? null : t.postMortemRootCause()));
        json.put("resolution", texts.pick(postMortem.resolution(), t == null ? null : t.postMortemResolution()));
        json.put("publishedAt", LocalTimes.of(postMortem.publishedAt(), zone));
        json.put("revisedAt", LocalTimes.of(postMortem.revisedAt(), zone));
        json.put("remediation", postMortem.remediation().stream().map(item -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", item.id());
            entry.put("title", item.title());
            entry.put("owner", item.owner());
            entry.put("dueDate", item.dueDate() == null ? null : item.dueDate().toString());
            entry.put("completed", item.completed());
            return entry;
        }).toList());
        return json;
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
