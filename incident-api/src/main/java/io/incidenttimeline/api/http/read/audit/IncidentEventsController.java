package io.incidenttimeline.api.http.read.audit;

import io.incidenttimeline.projections.audit.chain.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.http.command.CommandResponses;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An incident's raw event stream as stored, from its first event (never from a snapshot). */
@RestController
@Tag(name = "Incident history")
public class IncidentEventsController {

    private static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (Text.ID_MAX - 1) + "}");

    private final EventStore eventStore;
    private final ObjectMapper eventJson;

    public IncidentEventsController(EventStore eventStore, @Qualifier("defaultAxonObjectMapper") ObjectMapper eventJson) {
        this.eventStore = eventStore;
        this.eventJson = eventJson;
    }

    public record StoredEvent(String eventId, long sequence, String type, String revision, Instant occurredAt,
                              Instant recordedAt, Map<String, ?> metadata, JsonNode payload) {
    }

    public record IncidentEvents(String incidentId, long version, List<StoredEvent> events) {
    }

    @Operation(summary = "The incident's raw event stream from the event store, oldest first")
    @ApiResponse(responseCode = "200", description = "The events; ETag is the incident's version",
            headers = @Header(name = "ETag", description = "the incident's version", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentEvents.class)))
    @DocumentedProblems({ProblemType.NOT_FOUND})
    @GetMapping(path = "/api/v1/incidents/{incidentId}/events", produces = "application/json")
    public ResponseEntity<IncidentEvents> events(@PathVariable String incidentId) {
        if (!INCIDENT_ID.matcher(incidentId).matches()) {
            throw notFound(incidentId);
        }
        List<StoredEvent> events = eventStore.readEvents(incidentId, 0L).asStream().map(this::stored).toList();
        if (events.isEmpty()) {
            throw notFound(incidentId);
        }
        long version = events.get(events.size() - 1).sequence();
        return ResponseEntity.ok().header(HttpHeaders.ETAG, CommandResponses.etag(version))
                .body(new IncidentEvents(incidentId, version, events));
    }

    private StoredEvent stored(DomainEventMessage<?> event) {
        JsonNode payload = eventJson.valueToTree(event.getPayload());
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        return new StoredEvent(event.getIdentifier(), event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                revision == null ? null : revision.value(), instant(payload, "occurredAt"),
                payload.hasNonNull("recordedAt") ? instant(payload, "recordedAt") : event.getTimestamp(),
                event.getMetaData(), payload);
    }

    private static Instant instant(JsonNode payload, String field) {
        return payload.hasNonNull(field) ? Instant.parse(payload.get(field).asText()) : null;
    }

    private static org.axonframework.modelling.command.AggregateNotFoundException notFound(String incidentId) {
        return new org.axonframework.modelling.command.AggregateNotFoundException(incidentId,
                "no incident with id " + incidentId);
    }
}
