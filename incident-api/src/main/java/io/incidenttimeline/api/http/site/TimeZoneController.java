package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.infra.web.QueryParameters;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The zone picker, {@code /time-zones}: a page of its own that every page's footer links to, listing the canonical
 * zones by region ({@link TimeZones}); cacheable like the other pages. And the target of its plain GET form,
 * {@code /time-zone}: remembers the reader's time zone in a cookie and sends the reader
 * back to the page they came from. An empty choice forgets it (UTC again); a zone that is not in the IANA database is
 * a 400 page. Only addresses on this site are returned to.
 */
@Hidden
@RestController
public class TimeZoneController {

    static final Duration REMEMBERED_FOR = Duration.ofDays(365);
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

    private final PageTemplates templates;
    private final MessageSource messages;
    private final PageProperties site;
    private final PageResponses responses;
    private final Clock clock;

    TimeZoneController(PageTemplates templates, MessageSource messages, PageProperties site, PageResponses responses,
                       Clock clock) {
        this.templates = templates;
        this.messages = messages;
        this.site = site;
        this.responses = responses;
        this.clock = clock;
    }

    @GetMapping(path = "/time-zones", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang", "tz"})
    public ResponseEntity<String> zones(@RequestParam(required = false) String back, HttpServletRequest request) {
        PageReader reader = PageReader.of(request);
        Instant now = clock.instant();
        Locale ui = reader.uiLocale();
        String target = back != null && LOCAL_PATH.matcher(back).matches() ? back : "/";
        List<SiteView.LanguageChoice> languages = PageReader.UI_LANGUAGES.stream().map(tag -> new SiteView.LanguageChoice(
                tag, Words.languageName(tag), null, PageLinks.zones(tag, target), tag.equals(ui.getLanguage()))).toList();
        SiteView view = SiteView.of(site.name(), ui, reader, "/time-zones", languages, now);
        String body = templates.render("time-zones", ui, Map.of("site", view, "back", target,
                "utc", TimeZones.UTC, "regions", TimeZones.REGIONS));
        return responses.html(request, body, ui.toLanguageTag());
    }

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
