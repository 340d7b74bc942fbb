package io.incidenttimeline.api.http.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every page shows around its content: the page's name, the language of its own words, the reader's time zone
 * with the picker (a plain GET form to {@code /time-zone}) and the links to the other languages.
 *
 * @param back where the zone picker returns to: this page's address without {@code tz}
 */
record SiteView(String name, String ui, String zoneId, String zoneAbbreviation, boolean utc, List<String> zones,
                String back, List<LanguageChoice> languages) {

    /** A language the page can be read in; {@code note} says original, machine translation or translation. */
    record LanguageChoice(String tag, String name, String note, String url, boolean current) {
    }

    /** The zones of the IANA database by region (Europe/Berlin, America/Los_Angeles ...), and UTC. */
    static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
                    .filter(Pattern.compile("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")
                            .asPredicate()).sorted())
            .toList();

    static SiteView of(String name, Locale ui, PageReader reader, String path, List<LanguageChoice> languages,
                       Instant now) {
        ZoneId zone = reader.zone();
        String abbreviation = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(now.atZone(zone));
        return new SiteView(name, ui.toLanguageTag(), zone.getId(), abbreviation,
                zone.normalized().equals(ZoneOffset.UTC), ZONES, path + PageLinks.query(reader.lang(), null), languages);
    }
}
