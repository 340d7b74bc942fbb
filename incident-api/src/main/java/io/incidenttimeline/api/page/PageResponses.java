package io.incidenttimeline.api.page;

import io.incidenttimeline.api.statuspage.PublicReadConfig;
import io.incidenttimeline.api.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Responses of the public pages and feeds: a strong ETag of the body and a Last-Modified, so that Spring answers a
 * matching If-None-Match or If-Modified-Since with 304; {@code Cache-Control: public, no-cache} (like the JSON reads:
 * caches keep it but ask again); and on HTML the security headers.
 */
final class PageResponses {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String REFERRER_POLICY = "no-referrer";
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private PageResponses() {
    }

    /** An HTML page that depends on the reader's language and cookie (time zone). */
    static ResponseEntity<String> html(String body, Instant lastModified) {
        return cacheable(HttpStatus.OK, HTML, body, lastModified)
                .headers(PageResponses::securityHeaders)
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE).body(body);
    }

    static ResponseEntity<String> feed(MediaType type, String body, Instant lastModified) {
        return cacheable(HttpStatus.OK, type, body, lastModified).body(body);
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

    private static ResponseEntity.BodyBuilder cacheable(HttpStatus status, MediaType type, String body, Instant lastModified) {
        return ResponseEntity.status(status).contentType(type)
                .eTag("\"" + Sha256.hex(body).substring(0, 32) + "\"")
                .lastModified(lastModified)
                .header(HttpHeaders.CACHE_CONTROL, PublicReadConfig.CACHE_CONTROL);
    }
}
