package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.infra.web.QueryParameters;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident history, by month, as Statuspage's {@code /history}: {@code ?page=N} (1, the default, holds the current
 * month and the two before it) or one month, {@code ?month=2024-07}. Every month with a public incident is listed
 * with its count, so an incident older than the front page's 14 days is two links from it. A page number past the
 * oldest incident, a month before 1970 or after this one, or both parameters at once are a 400 page.
 * <p>
 * Statuspage's public API has no history document beyond {@code incidents.json} (the 50 latest) and the
 * {@code history.atom}/{@code history.rss} feeds, which this server already serves; so there is no JSON twin here.
 */
@Hidden
@RestController
public class HistoryPageController {

    private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,5}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    private final PublicViewQueries queries;
    private final HistoryPageModel model;
    private final PageTemplates templates;
    private final MessageSource messages;
    private final PageProperties site;
    private final PageResponses responses;
    private final Clock clock;

    HistoryPageController(PublicViewQueries queries, HistoryPageModel model, PageTemplates templates,
                          MessageSource messages, PageProperties site, PageResponses responses, Clock clock) {
        this.queries = queries;
        this.model = model;
        this.templates = templates;
        this.messages = messages;
        this.site = site;
        this.responses = responses;
        this.clock = clock;
    }

    @GetMapping(path = "/history", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang", "tz", "page", "month"})
    public ResponseEntity<String> history(HttpServletRequest request) {
        PageReader reader = PageReader.of(request);
        Instant now = clock.instant();
        ZoneId zone = reader.zone();
        String pageParameter = request.getParameter("page");
        String monthParameter = request.getParameter("month");
        if (pageParameter != null && monthParameter != null) {
            throw new BadPageInput("page", pageParameter);
        }
        List<Instant> declarations = queries.declarationTimes();
        int pages = HistoryPageModel.pages(declarations, zone, now);
        List<YearMonth> months;
        int page;
        if (monthParameter != null) {
            months = List.of(month(monthParameter, YearMonth.from(now.atZone(zone))));
            page = 0;
        } else {
            page = pageParameter == null ? 1 : number(pageParameter, pages);
            months = HistoryPageModel.monthsOf(page, zone, now);
        }
        Instant from = HistoryPageModel.start(months.get(months.size() - 1), zone);
        Instant until = HistoryPageModel.start(months.get(0).plusMonths(1), zone);
        List<PublicIncident> incidents = queries.incidentsDeclaredBetween(from, until);

        Locale ui = reader.uiLocale();
        Words words = new Words(messages, ui);
        HistoryView view = model.of(months, page, pages, incidents, declarations, queries.page(), reader, words, now);
        Integer pageLink = page == 0 ? null : page;
        String monthLink = page == 0 ? months.get(0).toString() : null;
        List<SiteView.LanguageChoice> languages = PageReader.UI_LANGUAGES.stream().map(tag -> new SiteView.LanguageChoice(
                tag, Words.languageName(tag), null, PageLinks.history(tag, reader.tz(), pageLink, monthLink),
                tag.equals(ui.getLanguage()))).toList();
        String body = templates.render("history", ui, Map.of("view", view,
                "site", SiteView.of(site.name(), ui, reader, "/history", languages, now)));
        return responses.html(request, body, ui.toLanguageTag());
    }

    private static int number(String value, int pages) {
        if (!PAGE.matcher(value).matches() || Integer.parseInt(value) > pages) {
            throw new BadPageInput("page", value);
        }
        return Integer.parseInt(value);
    }

    private static YearMonth month(String value, YearMonth current) {
        try {
            YearMonth month = YearMonth.parse(value, MONTH);
            if (month.getYear() < 1970 || month.isAfter(current)) {
                throw new BadPageInput("month", value);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new BadPageInput("month", value);
        }
    }
}
