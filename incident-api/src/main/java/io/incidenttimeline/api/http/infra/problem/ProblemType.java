package io.incidenttimeline.api.http.infra.problem;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Every problem type this API answers with: the stable {@code type} is {@code /problems/<slug>}. The OpenAPI
 * description documents, per operation, exactly which of these it can return, and the contract tests fail when a
 * response carries a type its operation does not document.
 */
public enum ProblemType {
    // any request
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected fault of ours; nothing was changed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "no incident, component or maintenance with that id"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "none of the media types in Accept can be produced"),
    INVALID_HEADER(HttpStatus.BAD_REQUEST, "a header holds bytes outside printable ASCII, or Accept is not a list of "
            + "media types"),
    UNKNOWN_PARAMETER(HttpStatus.BAD_REQUEST, "the query has a parameter this operation does not know"),
    STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "the database cannot be reached right now; retry after "
            + "Retry-After seconds (a command with the same Idempotency-Key is stored at most once)"),
    // authentication and roles
    AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED, "the endpoint needs a bearer token"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "the bearer token is unknown or malformed"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "the token's role may not do this"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "the token sent too many commands; retry after Retry-After seconds"),
    // request bodies
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "the body is missing or not JSON"),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST, "the body has a field this request does not know"),
    DUPLICATE_FIELD(HttpStatus.BAD_REQUEST, "the body gives a field twice in one object"),
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "a field has a value of the wrong type or not among the allowed values"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "the body is over 1 MiB"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body is not application/json"),
    // command headers
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, "Idempotency-Key is not 1-255 visible ASCII characters"),
    INVALID_CORRELATION_ID(HttpStatus.BAD_REQUEST, "X-Correlation-Id is malformed"),
    INVALID_IF_MATCH(HttpStatus.BAD_REQUEST, "If-Match is not an ETag of this API"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "the Idempotency-Key was used for a different request"),
    IDEMPOTENCY_KEY_IN_PROGRESS(HttpStatus.CONFLICT, "a request with the same Idempotency-Key is still running"),
    VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED, "the incident changed since the version in If-Match"),
    CONCURRENT_MODIFICATION(HttpStatus.CONFLICT, "another request changed the incident at the same moment"),
    // values every command checks
    TEXT_REQUIRED(HttpStatus.BAD_REQUEST, "a required text is missing or blank"),
    TEXT_TOO_LONG(HttpStatus.BAD_REQUEST, "a text is longer than allowed"),
    TEXT_CONTROL_CHARACTERS(HttpStatus.BAD_REQUEST, "a text contains control characters"),
    VALUE_REQUIRED(HttpStatus.BAD_REQUEST, "a required value is missing"),
    INVALID_ID(HttpStatus.BAD_REQUEST, "an id is not 1-128 lower-case letters, digits, '.', '_' or '-', starting and "
            + "ending with a letter or digit"),
    TEXT_UNPAIRED_SURROGATE(HttpStatus.BAD_REQUEST, "a text contains an unpaired UTF-16 surrogate"),
    TIME_IN_FUTURE(HttpStatus.BAD_REQUEST, "a time lies more than a minute in the future"),
    TIME_OUT_OF_RANGE(HttpStatus.BAD_REQUEST, "a time lies before 2000-01-01T00:00:00Z"),
    OCCURRED_BEFORE_INCIDENT(HttpStatus.BAD_REQUEST, "occurredAt lies before the incident"),
    // integrations
    INVALID_NOTIFICATION(HttpStatus.BAD_REQUEST, "the Alertmanager notification is not a version 4 payload with alerts"),
    INVALID_WEBHOOK_URL(HttpStatus.BAD_REQUEST, "the subscriber URL is not http(s), carries credentials, does not resolve, "
            + "or resolves to a loopback, link-local, private, unique-local or unspecified address"),
    INVALID_SECRET(HttpStatus.BAD_REQUEST, "the webhook secret is not 16-256 printable ASCII characters"),
    SUBSCRIBER_NOT_FOUND(HttpStatus.NOT_FOUND, "no webhook subscriber with that id"),
    // email subscriptions
    INVALID_EMAIL(HttpStatus.BAD_REQUEST, "email is not a plain address such as reader@example.com"),
    SUBSCRIBE_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "this client address asked for too many subscriptions this "
            + "hour; retry after Retry-After seconds"),
    SUBSCRIPTION_NOT_FOUND(HttpStatus.NOT_FOUND, "no email subscription with that id"),
    // personal tokens
    INVALID_TOKEN_NAME(HttpStatus.BAD_REQUEST, "a token's name is not 1-63 lower-case letters, digits and '-', starting "
            + "with a letter and not ending with '-'"),
    TOKEN_NAME_TAKEN(HttpStatus.CONFLICT, "an active token, issued or configured, has this name"),
    TOKEN_NOT_FOUND(HttpStatus.NOT_FOUND, "no active personal token has that name"),
    TOKEN_CONFIGURED(HttpStatus.CONFLICT, "the token is configured (incident.security.tokens): it is removed there, "
            + "not at run time"),
    // reads
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "a parameter or header is missing or of the wrong type"),
    INCIDENT_NOT_FOUND(HttpStatus.NOT_FOUND, "no incident with that id"),
    INCIDENT_NOT_PUBLIC(HttpStatus.NOT_FOUND, "the incident was not on the public page at that time"),
    NO_HISTORY_BEFORE(HttpStatus.NOT_FOUND, "asOf is before the first recorded event; firstRecordedAt says when that "
            + "was (absent while nothing is recorded)"),
    MAINTENANCE_NOT_FOUND(HttpStatus.NOT_FOUND, "no maintenance with that id"),
    INVALID_TIME_ZONE(HttpStatus.BAD_REQUEST, "tz is not an IANA time zone such as America/Los_Angeles"),
    INVALID_ACCEPT_LANGUAGE(HttpStatus.BAD_REQUEST, "Accept-Language is not a list of language ranges"),
    INVALID_TIMESTAMP(HttpStatus.BAD_REQUEST, "a time parameter is not an ISO-8601 instant"),
    PARAMETER_REQUIRED(HttpStatus.BAD_REQUEST, "a required parameter is missing"),
    INVALID_CURSOR(HttpStatus.BAD_REQUEST, "the paging cursor is not one this API gave out"),
    INVALID_LIMIT(HttpStatus.BAD_REQUEST, "the page size is out of range"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "a parameter's value is not among the allowed ones"),
    INVALID_MIN_VERSION(HttpStatus.BAD_REQUEST, "minVersion is not a non-negative number"),
    EMPTY_TIME_RANGE(HttpStatus.BAD_REQUEST, "from is not before to"),
    INVALID_RANGE(HttpStatus.BAD_REQUEST, "fromPosition lies after toPosition"),
    PROJECTION_NOT_FOUND(HttpStatus.NOT_FOUND, "no projection with that name"),
    REPLAY_IN_PROGRESS(HttpStatus.CONFLICT, "the projection is being rebuilt already"),
    AUDIT_CONTINUITY_BROKEN(HttpStatus.CONFLICT, "the database lost audit chain links or checkpoints this node "
            + "recorded: nothing is signed until an admin restores them or accepts the loss"),
    NOT_THE_CURRENT_CONTINUITY_FAILURE(HttpStatus.CONFLICT, "the acceptance does not name the current audit "
            + "continuity failure (reason and position)"),
    NO_CHECKPOINT_YET(HttpStatus.NOT_FOUND, "no audit checkpoint has been signed yet"),
    // rules of particular commands
    INVALID_LOCALE(HttpStatus.BAD_REQUEST, "not a valid BCP 47 language tag"),
    LOCALE_REQUIRED(HttpStatus.BAD_REQUEST, "the locale is missing"),
    INVALID_POSITION(HttpStatus.BAD_REQUEST, "a position (of a component, or in the event store) is out of range"),
    UNKNOWN_COMPONENT(HttpStatus.BAD_REQUEST, "a component is not in the catalogue"),
    COMPONENT_RETIRED(HttpStatus.CONFLICT, "the component was retired: it cannot be defined again or newly named by "
            + "an incident"),
    NEXT_UPDATE_AMBIGUOUS(HttpStatus.BAD_REQUEST, "both nextUpdateDueAt and nextUpdateInMinutes were given"),
    NEXT_UPDATE_OUT_OF_RANGE(HttpStatus.BAD_REQUEST, "the next update is not after the update and within 24 hours"),
    NEXT_UPDATE_AFTER_RESOLUTION(HttpStatus.BAD_REQUEST, "a resolved update promised a next update"),
    IMPACT_WINDOW_INVERTED(HttpStatus.BAD_REQUEST, "the impact window ends before it starts"),
    TRANSLATION_OF_AUTHORITATIVE_LOCALE(HttpStatus.BAD_REQUEST, "a translation into the incident's own locale"),
    TRANSLATION_EMPTY(HttpStatus.BAD_REQUEST, "a translation without any text"),
    TRANSLATION_OF_INTERNAL_UPDATE(HttpStatus.CONFLICT, "a translation of an internal update"),
    GROUP_ID_NOT_NAME(HttpStatus.BAD_REQUEST, "a component's group was given as a group_id, not as the group's name"),
    TOO_MANY_REMEDIATION_ITEMS(HttpStatus.BAD_REQUEST, "more than 50 remediation items"),
    DUPLICATE_REMEDIATION_ITEM(HttpStatus.BAD_REQUEST, "a remediation item id appears twice"),
    INCIDENT_ALREADY_DECLARED(HttpStatus.CONFLICT, "an incident with this id exists"),
    UPDATE_ID_TAKEN(HttpStatus.CONFLICT, "an update with this id exists on the incident or maintenance"),
    UPDATE_RETRACTED(HttpStatus.CONFLICT, "the update was retracted and can no longer change"),
    POST_MORTEM_BEFORE_RESOLUTION(HttpStatus.CONFLICT, "the incident is not resolved yet"),
    POST_MORTEM_NOT_PUBLISHED(HttpStatus.CONFLICT, "there is no post-mortem to translate yet"),
    MAINTENANCE_WINDOW_INVERTED(HttpStatus.BAD_REQUEST, "the maintenance window ends before it starts"),
    MAINTENANCE_WINDOW_IN_PAST(HttpStatus.BAD_REQUEST, "the maintenance window starts more than 5 minutes in the past"),
    MAINTENANCE_WINDOW_OUT_OF_RANGE(HttpStatus.BAD_REQUEST, "the window starts over a year ahead or lasts over 31 days"),
    MAINTENANCE_ALREADY_SCHEDULED(HttpStatus.CONFLICT, "a maintenance with this id exists"),
    MAINTENANCE_NOT_STARTED(HttpStatus.CONFLICT, "the maintenance has not started, so it cannot be completed"),
    MAINTENANCE_ALREADY_STARTED(HttpStatus.CONFLICT, "the maintenance is under way, so it cannot be cancelled"),
    MAINTENANCE_ENDED(HttpStatus.CONFLICT, "the maintenance was completed or cancelled and can no longer change"),
    UPDATE_NOT_FOUND(HttpStatus.NOT_FOUND, "the incident has no update with that id"),
    REMEDIATION_ITEM_NOT_FOUND(HttpStatus.NOT_FOUND, "the post-mortem has no remediation item with that id");

    private final HttpStatus status;
    private final String summary;

    ProblemType(HttpStatus status, String summary) {
        this.status = status;
        this.summary = summary;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    public String uri() {
        return Problems.TYPE_PREFIX + slug();
    }

    public HttpStatus status() {
        return status;
    }

    public String summary() {
        return summary;
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug().equals(slug)).findFirst();
    }
}
