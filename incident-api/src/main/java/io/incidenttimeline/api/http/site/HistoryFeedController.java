package io.incidenttimeline.api.http.site;

import io.incidenttimeline.projections.publicview.PublicViewQueries;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The incident history as feeds: the 50 most recently declared public incidents. */
@Hidden
@RestController
public class HistoryFeedController {

    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);

    private final PublicViewQueries queries;
    private final HistoryFeeds feeds;
    private final PageResponses responses;

    HistoryFeedController(PublicViewQueries queries, HistoryFeeds feeds, PageResponses responses) {
        this.queries = queries;
        this.feeds = feeds;
        this.responses = responses;
    }

    @GetMapping(path = "/history.atom", produces = "application/atom+xml")
    public ResponseEntity<String> atom(HttpServletRequest request) {
        return responses.feed(request, ATOM, feeds.atom(queries.recentIncidents()));
    }

    @GetMapping(path = "/history.rss", produces = "application/rss+xml")
    public ResponseEntity<String> rss(HttpServletRequest request) {
        return responses.feed(request, RSS, feeds.rss(queries.recentIncidents()));
    }
}
