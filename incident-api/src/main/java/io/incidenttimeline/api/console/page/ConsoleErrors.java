package io.incidenttimeline.api.console.page;

import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.RefusalProblems;
import io.incidenttimeline.api.storage.StorageFailures;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of console pages are console pages (templates/console/error.html), never the API's problem+json: 400
 * for a request the console cannot read, 403 for what the role may not do or a form without its CSRF token, 404,
 * 503 while the database is unavailable, 500 without details. Applies to every controller of the console, the
 * incident page's too, before the API's advice.
 */
@ControllerAdvice(basePackages = "io.incidenttimeline.api.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ConsoleModel model;

    ConsoleErrors(ConsoleModel model) {
        this.model = model;
    }

    @ExceptionHandler(ConsoleNotFound.class)
    ModelAndView notFound(ConsoleNotFound missing) {
        return model.addTo(error(HttpStatus.NOT_FOUND, missing.getMessage()));
    }

    /** A refusal no form caught: its status and detail, as the API would answer it. */
    @ExceptionHandler(CommandRefused.class)
    ModelAndView refused(CommandRefused refused) {
        return model.addTo(error(RefusalProblems.status(refused.refusal().kind()), refused.refusal().detail()));
    }

    @ExceptionHandler(ApiProblem.class)
    ModelAndView badRequest(ApiProblem problem) {
        return model.addTo(error(problem.status(), problem.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        if (StorageFailures.isUnavailable(e)) {
            log.warn("the database is unavailable; answering 503 to {} {}: {}", request.getMethod(),
                    request.getRequestURI(), StorageFailures.describe(e));
            return model.addTo(error(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable. Try again in a moment."));
        }
        if (e instanceof ErrorResponse known && HttpStatus.resolve(known.getStatusCode().value()) != null
                && known.getStatusCode().is4xxClientError()) {
            return model.addTo(error(HttpStatus.resolve(known.getStatusCode().value()),
                    "The console cannot read this request."));
        }
        log.error("unexpected failure of console {} {}", request.getMethod(), request.getRequestURI(), e);
        return model.addTo(error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Try again in a moment."));
    }

    static ModelAndView error(HttpStatus status, String message) {
        return Pages.page("error", status, Map.of("status", status.value(), "title", title(status), "message", message));
    }

    private static String title(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "This request cannot be read";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 412 -> "This incident changed";
            case 503 -> "Unavailable";
            default -> status.is4xxClientError() ? status.getReasonPhrase() : "Something went wrong";
        };
    }
}
