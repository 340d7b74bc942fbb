package io.incidenttimeline.api.http.admin;

import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.mail.MailHistory;
import io.incidenttimeline.api.subscription.EmailAddresses;
import io.incidenttimeline.api.subscription.EmailSubscriptions;
import io.incidenttimeline.api.subscription.Subscription;
import io.incidenttimeline.api.subscription.SubscriptionRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email subscribers, for admins answering readers' requests about their data: list them (or find one by address),
 * export everything kept about one, erase one. Erasure deletes the subscription and every mail queued or sent to it;
 * no event ever held the address, so nothing else remains.
 */
@RestController
@Tag(name = "Email subscriptions")
@RequestMapping(path = "/api/v1/admin/subscriptions", produces = {"application/json", "application/problem+json"})
public class EmailSubscriptionController {

    private static final Pattern ID = Pattern.compile("es-[0-9a-f]{16}");

    private final EmailSubscriptions subscriptions;

    EmailSubscriptionController(EmailSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    public record SubscriptionView(String id, String email,
                                   @Schema(allowableValues = {"pending", "confirmed", "suspended"}) String status,
                                   @ArraySchema(arraySchema = @Schema(description = "null: every component"))
                                   List<String> components, String locale, String zone, Instant createdAt,
                                   Instant confirmedAt, Instant suspendedAt,
                                   @Schema(description = "why mails stopped: the mail server's permanent refusal")
                                   String suspendedReason) {
    }

    public record SubscriptionList(List<SubscriptionView> subscriptions) {
    }

    public record MailView(String mailKey, String subject,
                           @Schema(allowableValues = {"pending", "sent", "failed"}) String status, int attempts,
                           Instant createdAt, Instant sentAt, String lastError) {
    }

    public record SubscriptionExport(SubscriptionView subscription, List<MailView> mails) {
    }

    @Operation(summary = "Every email subscription, oldest first; or the one of an address", operationId =
            "listEmailSubscriptions")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionList.class)))
    @DocumentedProblems({ProblemType.INVALID_EMAIL})
    @GetMapping
    public SubscriptionList list(@Parameter(description = "only the subscription of this address (normalised as on "
            + "subscribing)") @RequestParam(required = false) String email) {
        if (email == null) {
            return new SubscriptionList(subscriptions.all().stream().map(EmailSubscriptionController::view).toList());
        }
        String normalised;
        try {
            normalised = EmailAddresses.normalise(email);
        } catch (SubscriptionRefused refused) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_EMAIL.slug(), "email", refused.getMessage());
        }
        return new SubscriptionList(subscriptions.all().stream().filter(s -> s.email().equals(normalised))
                .map(EmailSubscriptionController::view).toList());
    }

    @Operation(summary = "Everything kept about one subscriber: the subscription and its mails", operationId =
            "exportEmailSubscription")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionExport.class)))
    @DocumentedProblems({ProblemType.SUBSCRIPTION_NOT_FOUND})
    @GetMapping("/{subscriptionId}")
    public SubscriptionExport export(@PathVariable String subscriptionId) {
        Subscription subscription = known(subscriptionId);
        return new SubscriptionExport(view(subscription), subscriptions.mails(subscription.id()).stream()
                .map(EmailSubscriptionController::view).toList());
    }

    @Operation(summary = "Erase a subscriber: the subscription and every mail queued or sent to it", operationId =
            "eraseEmailSubscription")
    @ApiResponse(responseCode = "204", description = "Erased")
    @DocumentedProblems({ProblemType.SUBSCRIPTION_NOT_FOUND})
    @DeleteMapping("/{subscriptionId}")
    public ResponseEntity<Void> erase(@PathVariable String subscriptionId) {
        if (!ID.matcher(subscriptionId).matches() || !subscriptions.erase(subscriptionId)) {
            throw notFound(subscriptionId);
        }
        return ResponseEntity.noContent().build();
    }

    private Subscription known(String subscriptionId) {
        if (!ID.matcher(subscriptionId).matches()) {
            throw notFound(subscriptionId);
        }
        return subscriptions.find(subscriptionId).orElseThrow(() -> notFound(subscriptionId));
    }

    private static ApiProblem notFound(String subscriptionId) {
        String shown = subscriptionId.length() > 40 ? subscriptionId.substring(0, 40) + "…" : subscriptionId;
        return new ApiProblem(HttpStatus.NOT_FOUND, ProblemType.SUBSCRIPTION_NOT_FOUND.slug(), "subscriptionId",
                "no email subscription with id " + shown);
    }

    private static SubscriptionView view(Subscription s) {
        return new SubscriptionView(s.id(), s.email(), s.status().wire(), s.components(), s.locale(), s.zone(),
                s.createdAt(), s.confirmedAt(), s.suspendedAt(), s.suspendedReason());
    }

    private static MailView view(MailHistory.Entry m) {
        return new MailView(m.mailKey(), m.subject(), m.status(), m.attempts(), m.createdAt(), m.sentAt(),
                m.lastError());
    }
}
