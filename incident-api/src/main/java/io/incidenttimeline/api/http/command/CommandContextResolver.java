package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.application.CurrentVersions;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.security.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.core.template.TemplateIds;
import io.incidenttimeline.core.template.TemplateName;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.servlet.HandlerMapping;

/** Builds the {@link CommandContext} of a request: the authenticated caller, and the command headers, validated. */
@Component
public class CommandContextResolver implements HandlerMethodArgumentResolver {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String CHANNEL_API = "api";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** Lower than every version, so Axon refuses the command as stale. */
    static final long NO_VERSION_MATCHES = -1;

    private final CurrentVersions versions;

    public CommandContextResolver(CurrentVersions versions) {
        this.versions = versions;
    }

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

    /**
     * The version a command is sent with from {@code If-Match}: none without the header or with {@code *} on an
     * existing aggregate; the current version when one of the listed ETags is that version, which Axon checks again
     * as it loads the aggregate (a command that lost a race gets 412 too); and {@link #NO_VERSION_MATCHES} when none
     * is, so that Axon refuses it with 412 after the idempotency key was looked up (a retry of a request that
     * succeeded still gets its first answer). Without a current representation (a declaration, an aggregate that
     * does not exist) no ETag can match: 412.
     */
    private Long expectedVersion(HttpServletRequest request) {
        List<String> fields = Collections.list(request.getHeaders(HttpHeaders.IF_MATCH));
        if (fields.isEmpty()) {
            return null;
        }
        IfMatch condition = IfMatch.parse(String.join(",", fields));
        Optional<Long> current = addressedAggregate(request).flatMap(versions::of);
        if (current.isEmpty()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", HttpHeaders.IF_MATCH,
                    "If-Match names a current version, and what this request addresses has none yet (it is created by "
                            + "the request, or does not exist); send the request without If-Match");
        }
        if (condition.any()) {
            return null;
        }
        return condition.matches(current.get()) ? current.get() : NO_VERSION_MATCHES;
    }

    /** The aggregate a request's path addresses, if it is one that can exist. */
    @SuppressWarnings("unchecked")
    private static Optional<String> addressedAggregate(HttpServletRequest request) {
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return Optional.empty();
        }
        String incident = variables.get("incidentId");
        String maintenance = variables.get("maintenanceId");
        String component = variables.get("componentId");
        String template = variables.get("templateName");
        if (template != null) {
            return Optional.of(template).filter(TemplateName::isValid).map(TemplateIds::aggregateId);
        }
        if (incident != null) {
            return Optional.of(incident).filter(Text::isId);
        }
        if (maintenance != null) {
            return Optional.of(maintenance).filter(Text::isId).map(MaintenanceIds::aggregateId);
        }
        return Optional.ofNullable(component).filter(Text::isId).map(ComponentIds::aggregateId);
    }
}
