package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.infra.problem.ApiExceptionHandler;
import io.incidenttimeline.api.storage.StorageFailures;
import io.incidenttimeline.api.http.infra.web.UnknownQueryParameter;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.LanguageTag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures of the HTML pages are HTML pages too, in the reader's language: 400 naming the parameter and its value
 * (or the parameter the page does not know), 404 for an incident the public cannot see, 503 while the database is
 * unavailable, and (should it ever happen) 500 without details. The JSON API keeps its
 * problem+json; this advice applies to the page controllers only and comes before the API's.
 */
@ControllerAdvice(assignableTypes = {StatusPageController.class, IncidentPageController.class,
        HistoryFeedController.class, TimeZoneController.class, HistoryPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final PageTemplates templates;
    private final MessageSource messages;

    PageErrors(PageTemplates templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @ExceptionHandler(BadPageInput.class)
    ResponseEntity<String> badInput(BadPageInput bad, HttpServletRequest request) {
        Words words = words(request);
        return page(HttpStatus.BAD_REQUEST, words, words.get("error.parameter." + bad.parameter(), bad.value()));
    }

    @ExceptionHandler(UnknownQueryParameter.class)
    ResponseEntity<String> unknownParameter(UnknownQueryParameter unknown, HttpServletRequest request) {
        Words words = words(request);
        String known = unknown.known().isEmpty() ? words.get("error.parameter.none") : String.join(", ", unknown.known());
        return page(HttpStatus.BAD_REQUEST, words, words.get("error.parameter.unknown", unknown.parameter(), known));
    }

    @ExceptionHandler(PageNotFound.class)
    ResponseEntity<String> notFound(PageNotFound missing, HttpServletRequest request) {
        Words words = words(request);
        return page(HttpStatus.NOT_FOUND, words, words.get("error.notFound"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        if (StorageFailures.isUnavailable(e)) {
            log.warn("the database is unavailable; answering 503 to {} {}: {}", request.getMethod(),
                    request.getRequestURI(), StorageFailures.describe(e));
            Words words = words(request);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(PageResponses.HTML)
                    .headers(PageResponses::securityHeaders).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(ApiExceptionHandler.RETRY_AFTER_SECONDS))
                    .body(render(HttpStatus.SERVICE_UNAVAILABLE, words, words.get("error.title.503"),
                            words.get("error.unavailable")));
        }
        HttpStatus status = e instanceof ErrorResponse known && HttpStatus.resolve(known.getStatusCode().value()) != null
                ? HttpStatus.resolve(known.getStatusCode().value()) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("unexpected failure rendering {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        Words words = words(request);
        String title = status.value() == 400 || status.value() == 404 ? "error.title." + status.value() : "error.title.500";
        return ResponseEntity.status(status).contentType(PageResponses.HTML).headers(PageResponses::securityHeaders)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(render(status, words, words.get(title), words.get("error.internal")));
    }

    private ResponseEntity<String> page(HttpStatus status, Words words, String message) {
        return PageResponses.error(status, render(status, words, words.get("error.title." + status.value()), message));
    }

    private String render(HttpStatus status, Words words, String title, String message) {
        return templates.render("error", words.locale(), Map.of("status", status.value(), "title", title,
                "message", message, "ui", words.locale().toLanguageTag()));
    }

    /** The reader's language from a valid {@code lang}, else Accept-Language; never fails itself. */
    private Words words(HttpServletRequest request) {
        List<String> choices = PageReader.UI_LANGUAGES;
        String chosen = choices.get(0);
        String lang = request.getParameter("lang");
        try {
            String tag = lang == null ? null : LanguageTag.normalise("lang", lang);
            List<Locale.LanguageRange> ranges = tag != null ? Locale.LanguageRange.parse(tag)
                    : Locale.LanguageRange.parse(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? "en"
                    : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            String match = Locale.lookupTag(ranges, choices);
            chosen = match == null ? chosen : match;
        } catch (CommandRejected | IllegalArgumentException unusable) {
            // the page's own words stay English
        }
        return new Words(messages, Locale.forLanguageTag(chosen));
    }
}
