package io.incidenttimeline.api.http.subscribe;

import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.ProblemWriter;
import io.incidenttimeline.api.subscription.EmailSubscriptions;
import io.incidenttimeline.api.subscription.SubscribeThrottle;
import io.incidenttimeline.api.subscription.SubscriptionRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readers subscribe by email, with no account: the answer is the same 202 whether the address is new, waiting for its
 * confirmation or subscribed already, so it tells nobody which addresses subscribe. Only well-formed requests count
 * against the client address's hourly limit.
 */
@RestController
@Tag(name = "Subscriptions")
@RequestMapping(path = "/api/public/v1/subscriptions", produces = {"application/json", "application/problem+json"})
public class PublicSubscriptionController {

    static final String ACCEPTED = "If the address can receive mail, a message with a confirmation link is on its way "
            + "to it; nothing else is sent before that link is followed.";

    private final EmailSubscriptions subscriptions;
    private final SubscribeThrottle throttle;
    private final ProblemWriter problems;

    PublicSubscriptionController(EmailSubscriptions subscriptions, SubscribeThrottle throttle, ProblemWriter problems) {
        this.subscriptions = subscriptions;
        this.throttle = throttle;
        this.problems = problems;
    }

    public record SubscriptionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "reader@example.com",
                    maxLength = 254) String email,
            @ArraySchema(arraySchema = @Schema(description = "the component ids to hear about; leave out for every "
                    + "component"), maxItems = EmailSubscriptions.MAX_COMPONENTS) List<String> components,
            @Schema(description = "BCP 47 language of the mails", example = "de", defaultValue = "en") String locale,
            @Schema(description = "IANA time zone the mails give times in", example = "Europe/Berlin",
                    defaultValue = "UTC") String zone) {
    }

    public record SubscriptionAccepted(@Schema(example = ACCEPTED) String detail) {
    }

    @Operation(summary = "Subscribe an email address to the page's incidents and maintenances (double opt-in)",
            operationId = "subscribeByEmail",
            description = "Sends a confirmation link to the address; mails about incidents start once it is followed. "
                    + "The answer is the same for a new address, one waiting for its confirmation and one subscribed "
                    + "already. Limited per client address (429 with Retry-After) and per email address (further "
                    + "requests within the hour send nothing).")
    @ApiResponse(responseCode = "202", description = "Taken; a confirmation link may be on its way", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SubscriptionAccepted.class)))
    @DocumentedProblems({ProblemType.INVALID_EMAIL, ProblemType.VALUE_REQUIRED, ProblemType.UNKNOWN_COMPONENT,
            ProblemType.INVALID_FIELD, ProblemType.INVALID_LOCALE, ProblemType.INVALID_TIME_ZONE,
            ProblemType.SUBSCRIBE_RATE_LIMITED})
    @PostMapping(consumes = "application/json")
    public ResponseEntity<SubscriptionAccepted> subscribe(@RequestBody SubscriptionRequest body,
                                                          HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        EmailSubscriptions.Request checked;
        try {
            checked = subscriptions.check(body.email(), body.components(), body.locale(), body.zone());
        } catch (SubscriptionRefused refused) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, refused.type(), refused.field(), refused.getMessage());
        }
        OptionalLong wait = throttle.client(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ProblemType.SUBSCRIBE_RATE_LIMITED.slug(),
                    "this client address asked for too many subscriptions this hour; retry after "
                            + wait.getAsLong() + " s", null);
            return null;
        }
        subscriptions.subscribe(checked);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SubscriptionAccepted(ACCEPTED));
    }
}
