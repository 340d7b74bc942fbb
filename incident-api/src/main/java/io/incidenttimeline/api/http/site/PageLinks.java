package io.incidenttimeline.api.http.site;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/** The addresses the pages link to, keeping the reader's explicit {@code lang} and {@code tz} where they were given. */
final class PageLinks {

    private PageLinks() {
    }

    static String index(String lang, String tz) {
        return "/" + query(lang, tz);
    }

    static String incident(String incidentId, String lang, String tz) {
        return "/incidents/" + UriUtils.encodePathSegment(incidentId, StandardCharsets.UTF_8) + query(lang, tz);
    }

    /** The history page: {@code month} (2024-07) alone, else page {@code page} of months (1 is the newest). */
    static String history(String lang, String tz, Integer page, String month) {
        String query = query(lang, tz);
        String extra = month != null ? "month=" + month : page != null && page > 1 ? "page=" + page : null;
        if (extra == null) {
            return "/history" + query;
        }
        return "/history" + (query.isEmpty() ? "?" : query + "&") + extra;
    }

    /** The zone picker, in the reader's {@code lang}, returning to {@code back}. */
    static String zones(String lang, String back) {
        String query = query(lang, null);
        return "/time-zones" + (query.isEmpty() ? "?" : query + "&") + "back="
                + UriUtils.encodeQueryParam(back, StandardCharsets.UTF_8);
    }

    static String query(String lang, String tz) {
        StringBuilder query = new StringBuilder();
        if (lang != null) {
            query.append("?lang=").append(UriUtils.encodeQueryParam(lang, StandardCharsets.UTF_8));
        }
        if (tz != null) {
            query.append(query.isEmpty() ? "?" : "&").append("tz=").append(UriUtils.encodeQueryParam(tz, StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
