package io.incidenttimeline.api.http.site;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The target of the zone picker, a plain GET form: remembers the reader's time zone in a cookie and sends the reader
 * back to the page they came from. An empty choice forgets it (UTC again); a zone that is not in the IANA database is
 * a 400 page. Only addresses on this site are returned to.
 */
@Hidden
@RestController
public class TimeZoneController {

    static final Duration REMEMBERED_FOR = Duration.ofDays(365);
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

    @GetMapping("/time-zone")
    public ResponseEntity<Void> choose(@RequestParam(required = false) String tz,
                                       @RequestParam(required = false) String back) {
        boolean forget = tz == null || tz.isBlank();
        if (!forget && PageReader.zone(tz) == null) {
            throw new BadPageInput("tz", tz);
        }
        ResponseCookie cookie = ResponseCookie.from(PageReader.ZONE_COOKIE, forget ? "" : tz).path("/").httpOnly(true)
                .sameSite("Lax").maxAge(forget ? Duration.ZERO : REMEMBERED_FOR).build();
        String target = back != null && LOCAL_PATH.matcher(back).matches() ? back : "/";
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, target)
                .header(HttpHeaders.SET_COOKIE, cookie.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .headers(PageResponses::securityHeaders).build();
    }
}
