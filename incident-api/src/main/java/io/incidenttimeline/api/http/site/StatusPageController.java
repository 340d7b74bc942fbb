package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.infra.web.QueryParameters;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status page: overall status, open incidents, maintenance, components with their 90-day uptime bars, and the
 * incidents of the last 14 days. HTML from the server, no script; not part of the JSON API's description.
 */
@Hidden
@RestController
public class StatusPageController {

    private final PublicViewQueries queries;
    private final UptimeBars uptime;
    private final MaintenanceSchedule maintenance;
    private final IndexPageModel model;
    private final PageTemplates templates;
    private final MessageSource messages;
    private final PageProperties site;
    private final PageResponses responses;
    private final Clock clock;

    StatusPageController(PublicViewQueries queries, UptimeBars uptime, MaintenanceSchedule maintenance,
                         IndexPageModel model, PageTemplates templates, MessageSource messages, PageProperties site,
                         PageResponses responses, Clock clock) {
        this.queries = queries;
        this.uptime = uptime;
        this.maintenance = maintenance;
        this.model = model;
        this.templates = templates;
        this.messages = messages;
        this.site = site;
        this.responses = responses;
        this.clock = clock;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang", "tz"})
    public ResponseEntity<String> index(HttpServletRequest request) {
        PageReader reader = PageReader.of(request);
        Instant now = clock.instant();
        Locale ui = reader.uiLocale();
        Words words = new Words(messages, ui);
        PageView page = queries.page();
        UptimeBars.Bars bars = uptime.of(page.components(), now);
        List<PublicIncident> recent = queries.incidentsDeclaredSince(IndexPageModel.historyStart(reader.zone(), now));
        var scheduled = maintenance.upcomingAndActive(now);
        IndexView view = model.of(page, bars, recent, scheduled, reader, words, now);

        List<SiteView.LanguageChoice> languages = PageReader.UI_LANGUAGES.stream().map(tag -> new SiteView.LanguageChoice(
                tag, Words.languageName(tag), null, PageLinks.index(tag, reader.tz()),
                tag.equals(ui.getLanguage()))).toList();
        String body = templates.render("index", ui, Map.of("view", view,
                "site", SiteView.of(site.name(), ui, reader, "/", languages, now)));

        return responses.html(request, body, ui.toLanguageTag());
    }
}
