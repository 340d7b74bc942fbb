package io.incidenttimeline.api.http.infra.problem;

import org.springframework.http.HttpStatus;

/** A refusal decided by the API layer itself (headers, idempotency), rendered as problem+json. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    public ApiProblem(HttpStatus status, String type, String field, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
