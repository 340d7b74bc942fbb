package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.Problems;
import io.incidenttimeline.projections.support.RecordedEvents;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Time travel needs a history to travel in: before the first recorded event the store knows nothing, and a page
 * folded from no events would say "All Systems Operational". Such an {@code asOf} is a 404 {@code no-history-before}
 * whose {@code firstRecordedAt} is the earliest time that can be asked for.
 */
@Component
class RecordedHistory {

    private final RecordedEvents events;

    RecordedHistory(RecordedEvents events) {
        this.events = events;
    }

    /** Refuses an {@code asOf} before the store had recorded anything. */
    void require(Instant asOf) {
        Optional<Instant> first = events.firstRecordedAt();
        if (first.isPresent() && !asOf.isBefore(first.get())) {
            return;
        }
        String slug = ProblemType.NO_HISTORY_BEFORE.slug();
        ProblemDetail problem = first.map(at -> Problems.of(HttpStatus.NOT_FOUND, slug, "no history before " + at
                        + ", when the first event was recorded; asOf " + asOf + " is earlier (asOf is a recording time)",
                        "asOf"))
                .orElseGet(() -> Problems.of(HttpStatus.NOT_FOUND, slug, "no history yet: nothing has been recorded",
                        "asOf"));
        first.ifPresent(at -> problem.setProperty("firstRecordedAt", at.toString()));
        throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
