package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.read.publicapi.IncidentNotices;
import io.incidenttimeline.api.http.read.publicapi.ReaderPreferences;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.LanguageTag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * The reader of an HTML page: language from {@code ?lang=}, else {@code Accept-Language}; time zone from {@code ?tz=},
 * else the cookie the zone picker sets, else UTC. What the reader typed in the address ({@code lang}, {@code tz}) is
 * refused with a 400 page when it is not a language tag or an IANA zone; what the browser sends on its own (a
 * malformed Accept-Language, a stale or tampered cookie) is ignored, since the reader could not fix it.
 *
 * @param lang the {@code lang} parameter as given, or null; kept for the links the page writes
 * @param tz   the {@code tz} parameter as given, or null; kept for the links the page writes
 */
record PageReader(ReaderPreferences preferences, String lang, String tz) {

    static final String ZONE_COOKIE = "tz";
    /** The languages the page's own words exist in; the first is the fallback. */
    static final List<String> UI_LANGUAGES = IncidentNotices.LANGUAGES;

    static PageReader of(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        String tz = request.getParameter("tz");
        String requested = null;
        if (lang != null) {
            try {
                requested = LanguageTag.normalise("lang", lang);
            } catch (CommandRejected e) {
                throw new BadPageInput("lang", lang);
            }
        }
        ZoneId zone;
        if (tz != null) {
            zone = zone(tz);
            if (zone == null) {
                throw new BadPageInput("tz", tz);
            }
        } else {
            ZoneId fromCookie = zone(cookie(request, ZONE_COOKIE));
            zone = fromCookie == null ? ZoneId.of("UTC") : fromCookie;
        }
        return new PageReader(new ReaderPreferences(requested, ranges(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
                zone), lang, tz);
    }

    ZoneId zone() {
        return preferences.zone();
    }

    /** The language of the page's own words for content shown in {@code contentLanguage}. */
    static Locale uiLocale(String contentLanguage) {
        return IncidentNotices.wordsFor(contentLanguage);
    }

    /** The reader's choice among the page's own languages, for pages that are not one incident. */
    Locale uiLocale() {
        return Locale.forLanguageTag(preferences.choose(UI_LANGUAGES));
    }

    static ZoneId zone(String id) {
        return id != null && ZoneId.getAvailableZoneIds().contains(id) ? ZoneId.of(id) : null;
    }

    private static List<Locale.LanguageRange> ranges(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
