package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.alertmanager.AlertmanagerNotification;
import io.incidenttimeline.api.alertmanager.AlertmanagerReceiver;
import io.incidenttimeline.api.support.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus Alertmanager's webhook receiver. Alertmanager retries on 5xx and re-sends every group interval; each
 * notification is keyed by its own content, so a repeat returns the first answer and changes nothing.
 */
@RestController
@Tag(name = "Integrations")
public class AlertmanagerWebhookController {

    static final String CHANNEL = "webhook";
    private static final Set<String> STATUSES = Set.of("firing", "resolved");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private final CommandResponses responses;
    private final AlertmanagerReceiver receiver;
    private final ObjectMapper canonicalJson;

    AlertmanagerWebhookController(CommandResponses responses, AlertmanagerReceiver receiver, ObjectMapper json) {
        this.responses = responses;
        this.receiver = receiver;
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @Operation(summary = "Receive an Alertmanager notification (webhook_config, payload version 4)",
            description = "A firing group declares an incident, or posts an update to the one already open for it; a "
                    + "resolved group posts the resolving update. Authenticate with a bearer token or configured "
                    + "basic credentials (http_config). The events' channel is 'webhook'.")
    @ApiResponse(responseCode = "201", description = "An incident was declared", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AlertmanagerReceiver.Outcome.class)))
    @ApiResponse(responseCode = "200", description = "An update was posted, or nothing was needed", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AlertmanagerReceiver.Outcome.class)))
    @DocumentedProblems({ProblemType.INVALID_IF_MATCH, ProblemType.VERSION_MISMATCH, ProblemType.INVALID_NOTIFICATION, ProblemType.NOT_FOUND, ProblemType.INCIDENT_ALREADY_DECLARED,
            ProblemType.UPDATE_ID_TAKEN, ProblemType.UNKNOWN_COMPONENT, ProblemType.COMPONENT_RETIRED,
            ProblemType.TEXT_CONTROL_CHARACTERS})
    @PostMapping(path = "/api/v1/webhooks/alertmanager", consumes = "application/json",
            produces = {"application/json", "application/problem+json"})
    public ResponseEntity<AlertmanagerReceiver.Outcome> receive(@RequestBody AlertmanagerNotification notification,
                                                                CommandContext context) {
        validate(notification);
        var actor = responses.actor(context, CHANNEL, "alertmanager-" + Sha256.hex(canonical(notification)),
                notification);
        var received = receiver.receive(notification, actor);
        if (received.declared()) {
            return CommandResponses.created(URI.create("/api/v1/incidents/" + received.outcome().incidentId()),
                    received.result(), received.outcome());
        }
        return CommandResponses.respond(HttpStatus.OK, null, received.result(), received.outcome());
    }

    private static void validate(AlertmanagerNotification notification) {
        if (!"4".equals(notification.version())) {
            throw invalid("version", "only Alertmanager webhook payload version \"4\" is understood");
        }
        if (notification.groupKey() == null || notification.groupKey().isBlank()) {
            throw invalid("groupKey", "groupKey is required");
        }
        if (!STATUSES.contains(notification.status())) {
            throw invalid("status", "status must be firing or resolved");
        }
        if (notification.alerts() == null || notification.alerts().isEmpty()) {
            throw invalid("alerts", "alerts must list at least one alert");
        }
        for (int i = 0; i < notification.alerts().size(); i++) {
            var alert = notification.alerts().get(i);
            if (alert == null || alert.labels() == null) {
                throw invalid("alerts[" + i + "]", "every alert needs labels and a status of firing or resolved");
            }
            if (!STATUSES.contains(alert.status())) {
                throw invalid("alerts[" + i + "].status", "status must be firing or resolved");
            }
        }
        noControlCharacters(notification);
    }

    /**
     * Every text of the notification is stored with the incident it declares, including the ones no incident field
     * takes (groupKey, labels, URLs): a control character is refused there too, naming the notification's field.
     */
    private static void noControlCharacters(AlertmanagerNotification notification) {
        text("groupKey", notification.groupKey());
        text("receiver", notification.receiver());
        text("externalURL", notification.externalURL());
        texts("groupLabels", notification.groupLabels());
        texts("commonLabels", notification.commonLabels());
        texts("commonAnnotations", notification.commonAnnotations());
        for (int i = 0; i < notification.alerts().size(); i++) {
            var alert = notification.alerts().get(i);
            String at = "alerts[" + i + "].";
            texts(at + "labels", alert.labels());
            texts(at + "annotations", alert.annotations());
            text(at + "generatorURL", alert.generatorURL());
            text(at + "fingerprint", alert.fingerprint());
        }
    }

    private static void texts(String field, Map<String, String> values) {
        if (values != null) {
            values.forEach((key, value) -> {
                text(field, key);
                text(field + "." + key, value);
            });
        }
    }

    private static void text(String field, String value) {
        if (value != null && CONTROL.matcher(value).find()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.TEXT_CONTROL_CHARACTERS.slug(), field,
                    field + " contains control characters; only tab, line feed and carriage return are allowed");
        }
    }

    private static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_NOTIFICATION.slug(), field, detail);
    }

    private String canonical(AlertmanagerNotification notification) {
        try {
            return canonicalJson.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notification as JSON", e);
        }
    }
}
