package io.incidenttimeline.api.http.read.publicapi;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.core.shared.LanguageTag;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The reader's language and time zone. {@code lang} wins over {@code Accept-Language}. A malformed tag, a malformed
 * Accept-Language or a zone that is not in the IANA database is refused with 400 naming the parameter, never silently
 * replaced by something else. A well-formed language the incident has no text in is not an error (incidents are
 * translated one by one): {@link #choose} falls back to the authoritative language, and the response's
 * Content-Language says which one was served.
 *
 * @param requested the normalised {@code lang}, or null
 * @param accepted  the Accept-Language ranges, in the reader's order of preference
 */
public record ReaderPreferences(String requested, List<Locale.LanguageRange> accepted, ZoneId zone) {

    public static ReaderPreferences of(String lang, String acceptLanguage, String tz) {
        String requested = lang == null ? null : LanguageTag.normalise("lang", lang);
        return new ReaderPreferences(requested, ranges(acceptLanguage), zone(tz));
    }

    private static List<Locale.LanguageRange> ranges(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-accept-language", "Accept-Language",
                    "Accept-Language is not a valid list of language ranges (for example de-CH, de;q=0.9, en;q=0.5)");
        }
    }

    private static ZoneId zone(String tz) {
        if (tz == null) {
            return ZoneId.of("UTC");
        }
        if (!ZoneId.getAvailableZoneIds().contains(tz)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-time-zone", "tz",
                    "'" + tz + "' is not a time zone of the IANA database (for example Europe/Berlin or America/Los_Angeles)");
        }
        return ZoneId.of(tz);
    }

    /** Which of {@code available} (the authoritative locale first) to show. */
    public String choose(List<String> available) {
        if (requested != null) {
            return match(requested, available);
        }
        for (Locale.LanguageRange range : accepted) {
            if (range.getWeight() == 0 || range.getRange().equals("*")) {
                continue;
            }
            for (String candidate : available) {
                if (candidate.equalsIgnoreCase(range.getRange())) {
                    return candidate;
                }
            }
            String language = range.getRange().split("-")[0];
            for (String candidate : available) {
                if (candidate.split("-")[0].equalsIgnoreCase(language)) {
                    return candidate;
                }
            }
        }
        return available.get(0);
    }

    private static String match(String tag, List<String> available) {
        for (String candidate : available) {
            if (candidate.equalsIgnoreCase(tag)) {
                return candidate;
            }
        }
        String language = tag.split("-")[0];
        for (String candidate : available) {
            if (candidate.split("-")[0].equalsIgnoreCase(language)) {
                return candidate;
            }
        }
        return available.get(0);
    }
}
