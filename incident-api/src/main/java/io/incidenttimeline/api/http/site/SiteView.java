package io.incidenttimeline.api.http.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What every page shows around its content: the page's name, the language of its own words, the reader's time zone
 * with a link to the zone picker ({@code /time-zones}, a page of its own, so that its 400-odd zones are not in every
 * page's bytes) and the links to the other languages.
 *
 * @param back     where the zone picker returns to: this page's address without {@code tz}
 * @param zonesUrl the zone picker, returning to {@code back}
 */
record SiteView(String name, String ui, String zoneId, String zoneAbbreviation, boolean utc, String zonesUrl,
                String back, List<LanguageChoice> languages) {

    /** A language the page can be read in; {@code note} says original, machine translation or translation. */
    record LanguageChoice(String tag, String name, String note, String url, boolean current) {
    }

    static SiteView of(String name, Locale ui, PageReader reader, String path, List<LanguageChoice> languages,
                       Instant now) {
        ZoneId zone = reader.zone();
        String abbreviation = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(now.atZone(zone));
        String back = path + PageLinks.query(reader.lang(), null);
        return new SiteView(name, ui.toLanguageTag(), zone.getId(), abbreviation,
                zone.normalized().equals(ZoneOffset.UTC), PageLinks.zones(reader.lang(), back), back, languages);
    }
}
