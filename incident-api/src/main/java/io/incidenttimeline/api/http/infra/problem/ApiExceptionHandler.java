package io.incidenttimeline.api.http.infra.problem;

import io.incidenttimeline.api.storage.StorageFailures;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.Refusals;
import io.incidenttimeline.api.http.command.CommandResponses;
import io.incidenttimeline.api.http.infra.web.PayloadTooLargeException;
import io.incidenttimeline.api.http.infra.web.StrictJson;
import io.incidenttimeline.core.shared.CommandRejected;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure becomes RFC 9457 problem+json with a stable type. Bad input is a 4xx naming the field; only a
 * genuine fault of ours is a 500, and its details stay in the log.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Seconds a client should wait before retrying while the database is unreachable (Retry-After). */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** The field of a problem about the request body as a whole. */
    private static final String BODY = "body";
    private static final Duration STORAGE_WARNING_EVERY = Duration.ofSeconds(10);
    private final AtomicLong lastStorageWarning = new AtomicLong(System.nanoTime() - STORAGE_WARNING_EVERY.toNanos() - 1);

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<Object> refused(CommandRefused refused, WebRequest request) {
        ResponseEntity<Object> response = respond(RefusalProblems.of(refused.refusal()), request);
        return refused.replayed()
                ? ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                        .header(CommandResponses.REPLAYED, "true").body(response.getBody())
                : response;
    }

    /** Refused while the request was turned into a command, such as an id no incident can have. */
    @ExceptionHandler({CommandRejected.class, AggregateNotFoundException.class})
    ResponseEntity<Object> refusedBeforeSending(RuntimeException refusal, WebRequest request) {
        return respond(RefusalProblems.of(Refusals.of(refusal).orElseThrow()), request);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        return respond(Problems.of(problem.status(), problem.type(), problem.getMessage(), problem.field()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (StorageFailures.isUnavailable(e)) {
            return storageUnavailable(e, request);
        }
        if (unstorableText(e)) {
            return respond(Problems.of(HttpStatus.BAD_REQUEST, ProblemType.TEXT_CONTROL_CHARACTERS.slug(),
                    "a value contains characters the database cannot store (such as a NUL byte)", null), request);
        }
        log.error("unexpected failure handling {}", describe(request), e);
        StorageFailures.rolledBack(e).ifPresent(cause -> log.error("the failure that rolled that transaction back", cause));
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; nothing was changed by this request", null), request);
    }

    /**
     * The database is unreachable: the request did not complete. A command's idempotency key is claimed in the
     * transaction that stores its events, so both were written or neither; should the connection have dropped while
     * the commit was under way, a retry with the same key finds the stored answer instead of storing it twice.
     */
    private ResponseEntity<Object> storageUnavailable(Exception e, WebRequest request) {
        long now = System.nanoTime();
        long last = lastStorageWarning.get();
        if (now - last > STORAGE_WARNING_EVERY.toNanos() && lastStorageWarning.compareAndSet(last, now)) {
            log.warn("the database is unreachable; answering 503 (this is logged every {} s at most): {} failed with {}",
                    STORAGE_WARNING_EVERY.toSeconds(), describe(request), StorageFailures.describe(e));
        }
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.STORAGE_UNAVAILABLE.slug(),
                "the database cannot be reached right now, so the request was not completed; retry after "
                        + RETRY_AFTER_SECONDS + " seconds (a command with the same Idempotency-Key is stored at most once)",
                null);
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        if (e.getCause() instanceof PayloadTooLargeException || cause instanceof PayloadTooLargeException) {
            return respond(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", cause.getMessage(), null), request);
        }
        if (cause instanceof CharacterCodingException) {
            return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "the request body is not valid UTF-8 "
                    + "(a malformed, overlong or surrogate byte sequence); JSON is sent as UTF-8", BODY), request);
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonParseException syntax) {
                return respond(syntaxProblem(syntax), request);
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return respond(mapping.getPath().isEmpty() ? bodyProblem(mapping) : fieldProblem(mapping), request);
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                e.getCause() == null ? "the request body is missing" : "the request body is not valid JSON", BODY), request);
    }

    private static ProblemDetail fieldProblem(JsonMappingException mapping) {
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (mapping instanceof UnrecognizedPropertyException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "unknown-field", field + " is not a field of this request", field);
        }
        if (mapping instanceof InvalidNullException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "value-required", field + " is null, which is never a value: "
                    + "give a value, or leave an optional field out (lists and maps hold no nulls)", field);
        }
        String reason;
        if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
            reason = mapping.getCause().getMessage();
        } else if (mapping instanceof InvalidFormatException invalid && !(invalid.getValue() instanceof String)) {
            reason = "expected " + typeName(invalid.getTargetType()) + ", not the JSON value " + invalid.getValue();
        } else if (mapping instanceof InvalidFormatException invalid) {
            reason = "'" + invalid.getValue() + "' is not a valid " + typeName(invalid.getTargetType());
        } else if (mapping instanceof StrictJson.NotText notText) {
            reason = notText.getOriginalMessage();
        } else if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            reason = "expected " + typeName(mismatched.getTargetType());
        } else {
            reason = "has an invalid value";
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", field + ": " + reason, field);
    }

    /** Not JSON at all, or a field given twice in one object (which Jackson's parser reports as it reads). */
    private static ProblemDetail syntaxProblem(JsonParseException syntax) {
        JsonParser parser = syntax.getProcessor();
        if (syntax.getOriginalMessage().startsWith("Duplicate field") && parser != null) {
            List<String> names = new ArrayList<>();
            for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
                names.add(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName());
            }
            String field = String.join(".", names).replace(".[", "[");
            return Problems.of(HttpStatus.BAD_REQUEST, "duplicate-field",
                    field + " is given more than once in its object; give each field once", field);
        }
        var at = syntax.getLocation();
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "the request body is not valid JSON"
                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                + syntax.getOriginalMessage(), BODY);
    }

    private static ProblemDetail bodyProblem(JsonMappingException mapping) {
        String detail = mapping instanceof InvalidNullException ? "the request body is null; send a JSON object"
                : mapping.getOriginalMessage().startsWith("Trailing token")
                ? "the request body goes on after its JSON object; send exactly one JSON value"
                : "the request body must be a JSON object with the fields of this request";
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", detail, BODY);
    }

    private static String typeName(Class<?> type) {
        if (type == java.time.Instant.class) {
            return "ISO-8601 timestamp such as 2024-07-05T13:31:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "date such as 2024-07-31";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "JSON array";
        }
        return type == String.class ? "string" : type.getSimpleName();
    }

    /** No handler and no static resource: the path is named, Spring's wording ("No static resource") is not. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
                : "/" + e.getResourcePath();
        return respond(Problems.notFound(path), request);
    }

    /** A required query parameter that is absent: the problem names it, as every other refusal names its field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "the query parameter '"
                + e.getParameterName() + "' is required", e.getParameterName()), request);
    }

    /** Spring's own exceptions (405, 406, 415, missing parameters...) get a stable type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String slug = known == null ? "error" : known.name().toLowerCase().replace('_', '-');
            problem.setType(URI.create(Problems.TYPE_PREFIX + slug));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** SQLSTATE 22021 (PostgreSQL: invalid byte sequence, e.g. NUL in text): bad input that reached a query. */
    private static boolean unstorableText(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI() : request.toString();
    }
}
