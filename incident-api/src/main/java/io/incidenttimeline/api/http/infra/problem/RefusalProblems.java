package io.incidenttimeline.api.http.infra.problem;

import io.incidenttimeline.api.application.Refusal;
import io.incidenttimeline.api.http.command.CommandContextResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * How a refused command reads over HTTP: its status, and the request header a refusal about one names. The console's
 * forms answer with the same statuses.
 */
public final class RefusalProblems {

    private RefusalProblems() {
    }

    static ProblemDetail of(Refusal refusal) {
        return Problems.of(status(refusal.kind()), refusal.type(), refusal.detail(),
                refusal.field() != null ? refusal.field() : header(refusal.kind()));
    }

    public static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RULE_VIOLATION, CONCURRENT_MODIFICATION, IDEMPOTENCY_KEY_IN_PROGRESS -> HttpStatus.CONFLICT;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
            case IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private static String header(Refusal.Kind kind) {
        return switch (kind) {
            case STALE_VERSION -> HttpHeaders.IF_MATCH;
            case IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_PROGRESS -> CommandContextResolver.IDEMPOTENCY_KEY;
            default -> null;
        };
    }
}
