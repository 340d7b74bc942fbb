package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.read.statuspage.PublicReadConfig;
import io.incidenttimeline.api.support.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Responses of the public pages and feeds: a strong ETag of the body and a Last-Modified, so that Spring answers a
 * matching If-None-Match or If-Modified-Since with 304; {@code Cache-Control: public, no-cache} (like the JSON reads:
 * caches keep it but ask again); on HTML the security headers and {@code Vary: Accept-Language, Cookie}.
 * <p>
 * Last-Modified is when this server first rendered the representation it sends now, per variant (address, language,
 * zone cookie). The facts' own times cannot serve: a backfilled update is stored today but occurred last week, and
 * a page changes with time alone (a day ends, an outage grows by the minute). Whenever the body of a variant changes,
 * its date moves to now (and at least a second past the last one), so an If-Modified-Since never hides a change; after a restart dates start afresh, which costs
 * at most one full response per variant.
 */
@Component
class PageResponses {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String REFERRER_POLICY = "no-referrer";
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    static final int VARIANTS_REMEMBERED = 10_000;

    private record Representation(String etag, Instant since) {
    }

    private final Clock clock;
    private final Map<String, Representation> firstRendered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Representation> eldest) {
            return size() > VARIANTS_REMEMBERED;
        }
    };

    PageResponses(Clock clock) {
        this.clock = clock;
    }

    /**
     * An HTML page, which depends on the reader's language and zone cookie; {@code language} is the one it is in
     * (Content-Language), which is not the one asked for when the page has no text in that one.
     */
    ResponseEntity<String> html(HttpServletRequest request, String body, String language) {
        String variant = request.getRequestURI() + "?" + request.getQueryString() + "|"
                + request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) + "|" + PageReader.cookie(request, PageReader.ZONE_COOKIE);
        return cacheable(variant, HTML, body).headers(PageResponses::securityHeaders)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE).body(body);
    }

    ResponseEntity<String> feed(HttpServletRequest request, MediaType type, String body) {
        return cacheable(request.getRequestURI(), type, body).body(body);
    }

    /**
     * An image drawn from the page (the SVG badge): cacheable like the page, in the reader's language, and with a
     * policy that lets it run nothing should it be opened on its own.
     */
    ResponseEntity<String> image(HttpServletRequest request, MediaType type, String body) {
        String variant = request.getRequestURI() + "?" + request.getQueryString() + "|"
                + request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return cacheable(variant, type, body).header("Content-Security-Policy", "default-src 'none'")
                .header("X-Content-Type-Options", "nosniff").varyBy(HttpHeaders.ACCEPT_LANGUAGE).body(body);
    }

    /** A page that says why there is nothing to show: not cached, since the address may become valid. */
    static ResponseEntity<String> error(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).headers(PageResponses::securityHeaders)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").varyBy(HttpHeaders.ACCEPT_LANGUAGE).body(body);
    }

    static void securityHeaders(HttpHeaders headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", REFERRER_POLICY);
    }

    private ResponseEntity.BodyBuilder cacheable(String variant, MediaType type, String body) {
        String etag = "\"" + Sha256.hex(body).substring(0, 32) + "\"";
        return ResponseEntity.ok().contentType(type).eTag(etag).lastModified(since(variant, etag))
                .header(HttpHeaders.CACHE_CONTROL, PublicReadConfig.CACHE_CONTROL);
    }

    private Instant since(String variant, String etag) {
        synchronized (firstRendered) {
            Representation known = firstRendered.get(variant);
            if (known == null || !known.etag().equals(etag)) {
                Instant now = clock.instant();
                // HTTP dates have whole seconds: a change within the second of the last one still gets a later date
                Instant after = known == null ? now : known.since().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
                known = new Representation(etag, now.isAfter(after) ? now : after);
                firstRendered.put(variant, known);
            }
            return known.since();
        }
    }
}
