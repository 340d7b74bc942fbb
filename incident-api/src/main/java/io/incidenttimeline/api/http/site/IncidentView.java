package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.read.publicapi.LocalizedIncident;
import java.util.List;

/**
 * What the incident page shows, in the reader's language and zone. Texts are the reader's translation where one
 * exists; {@code machineTranslated} says a machine translation is shown, {@code original} links to the authoritative
 * text; {@code outdated}, when set, names the texts shown in the original because their translation is older than a
 * correction.
 */
record IncidentView(String id, String lang, String title, String status, String impact, boolean machineTranslated,
                    String shownLanguage, String originalTag, String originalLanguage, String originalUrl, List<ComponentLine> components,
                    List<String> regions, Moment impactStart, Moment impactEnd, String impactDuration,
                    Moment nextUpdateDue, boolean nextUpdateOverdue, List<UpdateView> updates, PostMortemView postMortem,
                    List<LanguageLink> languages, LocalizedIncident.OutdatedTranslation outdated) {

    record ComponentLine(String name, String group, String status) {
    }

    /** One public update; {@code promise} is kept, broken or pending when it promised the next update. */
    record UpdateView(String id, String status, String body, Moment at, boolean edited, Moment editedAt,
                      Moment promisedBy, String promise) {
    }

    record PostMortemView(int revision, String summary, String rootCause, String resolution, Moment publishedAt,
                          Moment revisedAt, List<RemediationView> remediation) {
    }

    /** {@code completedAt} is null while open, and for items completed before the time was kept. */
    record RemediationView(String title, String dueDate, boolean completed, Moment completedAt) {
    }

    /** A language the incident can be read in; {@code kind} is original, machine or human. */
    record LanguageLink(String tag, String name, String kind, String url, boolean current) {
    }
}
