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
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One incident for the public, in the reader's language and time zone: its updates newest first, the "next update
 * by" promises, the impact window, the post-mortem, and a disclaimer when a machine translation is shown.
 */
@Hidden
@RestController
public class IncidentPageController {

    private final PublicViewQueries queries;
    private final IncidentPageModel model;
    private final PageTemplates templates;
    private final MessageSource messages;
    private final PageProperties site;
    private final PageResponses responses;
    private final Clock clock;

    IncidentPageController(PublicViewQueries queries, IncidentPageModel model, PageTemplates templates,
                           MessageSource messages, PageProperties site, PageResponses responses, Clock clock) {
        this.queries = queries;
        this.model = model;
        this.templates = templates;
        this.messages = messages;
        this.site = site;
        this.responses = responses;
        this.clock = clock;
    }

    @GetMapping(path = "/incidents/{incidentId}", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang", "tz"})
    public ResponseEntity<String> incident(@PathVariable String incidentId, HttpServletRequest request) {
        PageReader reader = PageReader.of(request);
        PublicIncident incident = queries.incident(incidentId)
                .orElseThrow(() -> new PageNotFound("no public incident " + incidentId));
        Instant now = clock.instant();
        PageView page = queries.page();
        String shown = reader.preferences().choose(Stream.concat(Stream.of(incident.locale()),
                incident.translations().keySet().stream().sorted()).toList());
        Locale ui = PageReader.uiLocale(shown);
        Words words = new Words(messages, ui);
        IncidentView view = model.of(incident, page, reader, words, now);

        List<SiteView.LanguageChoice> languages = view.languages().stream().map(l -> new SiteView.LanguageChoice(
                l.tag(), l.name(), words.get("page.language." + l.kind()), l.url(), l.current())).toList();
        String body = templates.render("incident", ui, Map.of("view", view,
                "site", SiteView.of(site.name(), ui, reader, PageLinks.incident(incident.id(), null, null), languages, now)));

        return responses.html(request, body, view.lang());
    }
}
