package io.incidenttimeline.api.console.list;

import io.incidenttimeline.api.http.read.responder.IncidentSummaryView;
import io.incidenttimeline.projections.responder.IncidentFilter;
import io.incidenttimeline.projections.responder.ResponderComponent;
import io.incidenttimeline.projections.responder.ResponderQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The console's list, read from the responder view as {@code GET /api/v1/incidents} reads it (internal incidents
 * included), newest declaration first.
 */
@Service
public class ConsoleIncidents {

    static final int OPEN_SHOWN = 200;
    static final int RESOLVED_SHOWN = 10;

    private final ResponderQueries queries;
    private final Clock clock;

    public ConsoleIncidents(ResponderQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public record Overview(List<IncidentRow> open, boolean moreOpen, List<IncidentRow> resolved, Instant now) {
    }

    public Overview overview() {
        Instant now = clock.instant();
        Map<String, String> names = queries.components().stream().map(ResponderQueries.ComponentState::component)
                .collect(Collectors.toMap(ResponderComponent::id, ResponderComponent::name, (a, b) -> a));
        var open = queries.incidents(new IncidentFilter(false, null, null, null, null), null, OPEN_SHOWN);
        var resolved = queries.incidents(new IncidentFilter(true, null, null, null, null), null, RESOLVED_SHOWN);
        return new Overview(rows(open, names, now), open.next() != null, rows(resolved, names, now), now);
    }

    private static List<IncidentRow> rows(ResponderQueries.IncidentPage page, Map<String, String> names, Instant now) {
        return page.incidents().stream().map(incident -> IncidentRow.of(IncidentSummaryView.of(incident, now), names, now))
                .toList();
    }
}
