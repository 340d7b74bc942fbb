package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.security.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds the {@link CommandContext} of a request: the authenticated caller, and the command headers, validated. */
@Component
public class CommandContextResolver implements HandlerMethodArgumentResolver {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String CHANNEL_API = "api";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern ETAG_VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ApiTokens.Caller caller)) {
            throw new IllegalStateException("command endpoints are reached only by authenticated callers");
        }
        return new CommandContext(caller.name(), caller.role().wire(), CHANNEL_API, correlationId(request),
                idempotencyKey(request), expectedVersion(request), request.getMethod() + " " + request.getRequestURI());
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1-255 visible ASCII characters");
        }
        return key;
    }

    private static String correlationId(HttpServletRequest request) {
        String given = request.getHeader(CORRELATION_ID);
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        if (!CORRELATION.matcher(given).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-correlation-id", CORRELATION_ID,
                    "X-Correlation-Id must be 1-100 letters, digits, '.', '_', ':' or '-'");
        }
        return given;
    }

    private static Long expectedVersion(HttpServletRequest request) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        var matcher = ETAG_VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-if-match", HttpHeaders.IF_MATCH,
                    "If-Match must be the ETag of the incident, such as \"7\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
