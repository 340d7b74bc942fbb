package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.web.QueryParameters;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /badge.svg}: the page's overall status, or with {@code ?component=<id>} one component's, as a small SVG
 * image to put in a README or a dashboard (as OpenStatus, Gatus and Upptime offer). Drawn from the public view only,
 * so nothing internal moves it; words in the reader's language ({@code lang}, else Accept-Language); ETag and
 * {@code Cache-Control: public, no-cache} like the page. A component the page does not show (unknown or retired) is
 * a 404 problem naming {@code component}: a grey "unknown" image would hide a typo in the embedding page.
 */
@Hidden
@RestController
public class BadgeController {

    static final MediaType SVG = MediaType.valueOf("image/svg+xml");
    /** The palette's colour for each overall indicator and each component status. */
    private static final Map<String, String> FILL = Map.ofEntries(
            Map.entry("none", "operational"), Map.entry("minor", "degraded"), Map.entry("major", "partial"),
            Map.entry("critical", "major"), Map.entry("maintenance", "maintenance"),
            Map.entry("operational", "operational"), Map.entry("degraded_performance", "degraded"),
            Map.entry("partial_outage", "partial"), Map.entry("major_outage", "major"),
            Map.entry("under_maintenance", "maintenance"));

    private final PublicViewQueries queries;
    private final MessageSource messages;
    private final PageResponses responses;
    private final PagePalette palette = PagePalette.load();

    BadgeController(PublicViewQueries queries, MessageSource messages, PageResponses responses) {
        this.queries = queries;
        this.messages = messages;
        this.responses = responses;
    }

    @GetMapping(path = "/badge.svg")
    @QueryParameters({"lang", "component"})
    public ResponseEntity<String> badge(HttpServletRequest request) {
        PageReader reader;
        try {
            reader = PageReader.of(request);
        } catch (BadPageInput bad) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_FIELD.slug(), bad.parameter(),
                    bad.parameter() + " is not a language tag such as en or de");
        }
        Words words = new Words(messages, reader.uiLocale());
        PageView page = queries.page();
        String componentId = request.getParameter("component");
        Badge badge;
        if (componentId == null) {
            badge = badge(words.get("badge.label"), words.get(IndexPageModel.statusKey(page)), page.status().indicator());
        } else {
            PageView.ComponentView component = page.components().stream()
                    .filter(c -> c.component().id().equals(componentId)).findFirst()
                    .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND.slug(), "component",
                            "the status page shows no component with that id"));
            String status = component.status().wire();
            badge = badge(component.component().name(), words.get("component." + status), status);
        }
        return responses.image(request, SVG, badge.svg());
    }

    private Badge badge(String label, String message, String status) {
        String fill = FILL.getOrDefault(status, "muted");
        return new Badge(label, message, palette.colour(fill), ink(palette, fill), palette.colour("muted"),
                palette.colour("paper"));
    }

    /** White on every status colour but the amber of degraded performance, which takes the ink (as the banner). */
    static String ink(PagePalette palette, String fill) {
        return palette.colour("degraded".equals(fill) ? "ink" : "paper");
    }

    /** The palette names of the fills a badge may have, for the contrast test. */
    static java.util.Collection<String> fills() {
        return FILL.values();
    }
}
