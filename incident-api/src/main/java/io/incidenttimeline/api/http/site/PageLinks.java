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
