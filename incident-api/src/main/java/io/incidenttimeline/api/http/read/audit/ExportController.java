package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.projections.audit.export.ExportWriter;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.projections.runtime.HeadPosition;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/export?fromPosition=&toPosition=}: the event history with its hash chain and the signed
 * checkpoints, as NDJSON. Without toPosition the export runs to the newest event and carries every checkpoint the
 * server knows, also any beyond the newest event (which then says events were deleted). It is written straight to the
 * response on the request thread (no async timeout cuts a long export short).
 */
@RestController
class ExportController {

    static final String NDJSON = "application/x-ndjson";

    private final ExportWriter writer;
    private final EventStore events;

    ExportController(ExportWriter writer, EventStore events) {
        this.writer = writer;
        this.events = events;
    }

    @io.swagger.v3.oas.annotations.Operation(operationId = "exportAudit", summary = "The chained history as NDJSON: one event a line, then the "
            + "signed checkpoints that cover the range (see the README, 'Verifying the audit trail')")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Streamed NDJSON",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = NDJSON,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    @DocumentedProblems({ProblemType.INVALID_RANGE, ProblemType.INVALID_POSITION})
    @GetMapping(path = "/api/v1/audit/export", produces = NDJSON)
    void export(@RequestParam(name = PositionRange.FROM, required = false) String from,
                @RequestParam(name = PositionRange.TO, required = false) String to,
                HttpServletResponse response) throws IOException {
        PositionRange range = PositionRange.parse(from, to, HeadPosition.of(events).orElse(0));
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-export-" + range.from() + "-" + range.to() + ".ndjson\"");
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024)) {
            writer.write(range.from(), to == null ? Long.MAX_VALUE : range.to(), out);
        }
    }
}
