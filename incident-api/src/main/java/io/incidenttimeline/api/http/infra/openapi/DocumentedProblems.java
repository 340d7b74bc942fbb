package io.incidenttimeline.api.http.infra.openapi;

import io.incidenttimeline.api.http.infra.problem.ProblemType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types particular to an operation, beyond those every operation of its kind can return (which the
 * OpenAPI customizer adds by itself: authentication, body parsing, idempotency, concurrency).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DocumentedProblems {

    ProblemType[] value();
}
