package io.incidenttimeline.api.http.admin;

import io.incidenttimeline.api.subscriber.Subscriber;
import io.incidenttimeline.api.subscriber.DeliveryOutbox;
import io.incidenttimeline.api.subscriber.SubscriberStore;
import io.incidenttimeline.api.subscriber.WebhookAddresses;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.security.ApiTokens;
import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscribers, for admins. A plain table rather than events: a subscriber is configuration, not part of the
 * incident history, and its secret must never reach the append-only event store, its exports or its hash chain. The
 * secret is shown only as a hint (a prefix of its SHA-256) once it has been given.
 */
@RestController
@Tag(name = "Subscriber webhooks")
@RequestMapping(path = "/api/v1/subscribers", produces = {"application/json", "application/problem+json"})
public class SubscriberController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_COMPONENTS = 200;
    private static final Pattern SECRET = Pattern.compile("[\\x20-\\x7e]{16,256}");
    private static final Pattern SUBSCRIBER_ID = Pattern.compile("sub-[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriberStore subscribers;
    private final DeliveryOutbox outbox;
    private final WebhookAddresses addresses;
    private final ComponentCatalogue catalogue;
    private final Clock clock;

    SubscriberController(SubscriberStore subscribers, DeliveryOutbox outbox, WebhookAddresses addresses,
                         ComponentCatalogue catalogue, Clock clock) {
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.addresses = addresses;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public record Registration(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = WebhookAddresses.URL_MAX,
                    example = "https://hooks.example.com/incident-timeline",
                    description = "http or https; its host must resolve to public addresses only") String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 16, maxLength = 256,
                    description = "key of the HMAC-SHA256 signature of every delivery; never shown again") String secret,
            @ArraySchema(arraySchema = @Schema(description = "only changes touching these components are delivered; "
                    + "leave out for every component"), maxItems = MAX_COMPONENTS) List<String> components,
            @Schema(defaultValue = "false", description = "also deliver every audit checkpoint signed from now on "
                    + "(event audit.checkpoint, body as GET /api/v1/audit/checkpoints/latest answers): a checkpoint's "
                    + "position counts internal events too, so only for an auditor's receiver") Boolean auditCheckpoints,
            @Schema(defaultValue = "false", description = "also deliver the incidents' next-update promise reminders "
                    + "(event incident.reminder): they name internal role holders, so only for the responders' own "
                    + "receiver, never a public one") Boolean responderReminders) {
    }

    public record SubscriberView(String id, String url,
                                 @ArraySchema(arraySchema = @Schema(description = "null: every component"))
                                 List<String> components,
                                 @Schema(description = "sha256: and the first 8 hex digits of the secret's SHA-256",
                                         example = "sha256:9f86d081") String secretHint,
                                 Instant createdAt, String createdBy,
                                 @Schema(description = "whether audit checkpoints are delivered too")
                                 boolean auditCheckpoints,
                                 @Schema(description = "whether promise reminders are delivered too")
                                 boolean responderReminders) {
    }

    public record SubscriberList(List<SubscriberView> subscribers) {
    }

    public record AttemptView(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    public record DeliveryView(String deliveryId,
                               @Schema(allowableValues = {"incident", "component_update", "audit.checkpoint", "incident.reminder"})
                               String event,
                               @Schema(description = "incident:<id>, component:<id>, checkpoint:<position> or reminder:<id>")
                               String subject,
                               @Schema(description = "the event's id; for a checkpoint, when it was signed")
                               String eventId,
                               @Schema(description = "the event's global index; for a checkpoint, its position")
                               long eventPosition,
                               @Schema(allowableValues = {"pending", "delivered", "failed"}) String status,
                               int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                               Integer lastStatusCode, String lastError, List<AttemptView> attemptLog) {
    }

    public record DeliveryLog(String subscriberId, List<DeliveryView> deliveries) {
    }

    @Operation(summary = "Register a webhook subscriber", operationId = "registerSubscriber",
            description = "Every later public incident change and component status change (limited to the given "
                    + "components) is POSTed to the URL in Statuspage's webhook shape, signed with the secret; with "
                    + "auditCheckpoints, every audit checkpoint signed later too; with responderReminders, every promise reminder.")
    @ApiResponse(responseCode = "201", description = "Registered; the secret is not shown again", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SubscriberView.class)))
    @DocumentedProblems({ProblemType.INVALID_WEBHOOK_URL, ProblemType.INVALID_SECRET, ProblemType.INVALID_ID,
            ProblemType.UNKNOWN_COMPONENT})
    @PostMapping(consumes = "application/json")
    public ResponseEntity<SubscriberView> register(@RequestBody Registration registration) {
        URI url;
        try {
            url = addresses.checkRegistration(registration.url());
        } catch (WebhookAddresses.Refused refused) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_WEBHOOK_URL.slug(), "url",
                    refused.getMessage());
        }
        String secret = registration.secret();
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_SECRET.slug(), "secret",
                    "secret must be 16 to 256 printable ASCII characters; use a random one, such as "
                            + "`openssl rand -hex 32` writes");
        }
        String hint = "sha256:" + Sha256.hex(secret).substring(0, 8);
        // the database keeps microseconds: the answer shows what every later read shows
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Subscriber subscriber = new Subscriber(newId(), url.toString(), secret, hint,
                components(registration.components()), now, caller(), subscribers.headPosition(),
                Boolean.TRUE.equals(registration.auditCheckpoints()),
                Boolean.TRUE.equals(registration.responderReminders()));
        subscribers.add(subscriber);
        return ResponseEntity.created(URI.create("/api/v1/subscribers/" + subscriber.id())).body(view(subscriber));
    }

    @Operation(summary = "Every webhook subscriber, oldest first", operationId = "listSubscribers")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriberList.class)))
    @GetMapping
    public SubscriberList list() {
        return new SubscriberList(subscribers.all().stream().map(SubscriberController::view).toList());
    }

    @Operation(summary = "One webhook subscriber", operationId = "getSubscriber")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriberView.class)))
    @DocumentedProblems({ProblemType.SUBSCRIBER_NOT_FOUND})
    @GetMapping("/{subscriberId}")
    public SubscriberView get(@PathVariable String subscriberId) {
        return view(known(subscriberId));
    }

    @Operation(summary = "Remove a webhook subscriber with its delivery log; pending deliveries are not sent",
            operationId = "removeSubscriber")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DocumentedProblems({ProblemType.SUBSCRIBER_NOT_FOUND})
    @DeleteMapping("/{subscriberId}")
    public ResponseEntity<Void> remove(@PathVariable String subscriberId) {
        if (!SUBSCRIBER_ID.matcher(subscriberId).matches() || !subscribers.remove(subscriberId)) {
            throw notFound(subscriberId);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A subscriber's deliveries, newest event first, each with its attempts",
            operationId = "subscriberDeliveries")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DeliveryLog.class)))
    @DocumentedProblems({ProblemType.SUBSCRIBER_NOT_FOUND, ProblemType.INVALID_LIMIT})
    @GetMapping("/{subscriberId}/deliveries")
    public DeliveryLog deliveries(@PathVariable String subscriberId,
                                  @Parameter(description = "how many deliveries, 1-" + MAX_LIMIT + " (default "
                                          + DEFAULT_LIMIT + ")") @RequestParam(required = false) String limit) {
        Subscriber subscriber = known(subscriberId);
        List<DeliveryView> deliveries = outbox.log(subscriber.id(), limit(limit)).stream()
                .map(SubscriberController::view).toList();
        return new DeliveryLog(subscriber.id(), deliveries);
    }

    private List<String> components(List<String> given) {
        if (given == null) {
            return null;
        }
        if (given.isEmpty() || given.size() > MAX_COMPONENTS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_FIELD.slug(), "components",
                    "components lists 1 to " + MAX_COMPONENTS + " component ids; leave it out for every component");
        }
        List<String> components = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "components[" + i + "]";
            String id = Text.id(field, given.get(i));
            if (!catalogue.isDefined(id)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.UNKNOWN_COMPONENT.slug(), field,
                        "no component " + id + " is defined; define it first (POST /api/v1/components)");
            }
            if (!components.contains(id)) {
                components.add(id);
            }
        }
        return List.copyOf(components);
    }

    private Subscriber known(String subscriberId) {
        if (!SUBSCRIBER_ID.matcher(subscriberId).matches()) {
            throw notFound(subscriberId);
        }
        return subscribers.find(subscriberId).orElseThrow(() -> notFound(subscriberId));
    }

    private static ApiProblem notFound(String subscriberId) {
        String shown = subscriberId.length() > 40 ? subscriberId.substring(0, 40) + "…" : subscriberId;
        return new ApiProblem(HttpStatus.NOT_FOUND, ProblemType.SUBSCRIBER_NOT_FOUND.slug(), "subscriberId",
                "no webhook subscriber with id " + shown);
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_LIMIT.slug(), "limit",
                "limit must be a number between 1 and " + MAX_LIMIT);
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "sub-" + HexFormat.of().formatHex(bytes);
    }

    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiTokens.Caller caller
                ? caller.name() : "unknown";
    }

    private static SubscriberView view(Subscriber subscriber) {
        return new SubscriberView(subscriber.id(), subscriber.url(), subscriber.components(), subscriber.secretHint(),
                subscriber.createdAt(), subscriber.createdBy(), subscriber.auditCheckpoints(),
                subscriber.responderReminders());
    }

    private static DeliveryView view(DeliveryOutbox.LogEntry entry) {
        return new DeliveryView(entry.deliveryId(), entry.kind(), entry.subject(), entry.eventId(),
                entry.eventPosition(), entry.status().wire(), entry.attempts(), entry.createdAt(),
                entry.nextAttemptAt(), entry.deliveredAt(), entry.lastStatusCode(), entry.lastError(),
                entry.attemptLog().stream().map(a -> new AttemptView(a.attempt(), a.at(), a.statusCode(), a.error(),
                        a.durationMs())).toList());
    }
}
