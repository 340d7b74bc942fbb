package io.incidenttimeline.api.http.infra.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as this API writes them: a stable {@code type} under {@code /problems/}, a {@code detail}
 * a person can act on, and the offending {@code field} where there is one.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** The problem for an answer that has nothing more to say than its status, in words that name no internals. */
    public static ProblemDetail ofStatus(HttpStatus status, String method, String path) {
        return switch (status) {
            case NOT_FOUND -> notFound(path);
            case METHOD_NOT_ALLOWED -> of(status, "method-not-allowed", method + " is not supported at " + path, null);
            case INTERNAL_SERVER_ERROR -> of(status, ProblemType.INTERNAL_ERROR.slug(),
                    "an unexpected error occurred; nothing was changed by this request", null);
            default -> of(status, slug(status), "the request was answered with " + status.value() + " "
                    + status.getReasonPhrase(), null);
        };
    }

    public static ProblemDetail notFound(String path) {
        return of(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND.slug(), "there is nothing at " + path, null);
    }

    /** The type of a status that has no more particular one: its reason phrase as a slug, such as gone. */
    public static String slug(HttpStatus status) {
        return status.name().toLowerCase().replace('_', '-');
    }
}
