package io.incidenttimeline.api.http.infra.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter the handler does not declare (with {@code @RequestParam}, or {@link QueryParameters} for
 * what it reads itself): a misspelt filter such as {@code incidentId} for {@code incident} would otherwise be ignored
 * and the answer look like the one asked for. The one exception is the cache-busting {@code _} on the
 * Statuspage-compatible reads, which widgets built on jQuery's {@code cache: false} append, and the link-tracking
 * parameters that social networks and newsletters add to a shared link of an HTML page ({@code utm_*},
 * {@code fbclid}, ...): a reader following a shared link during an incident must see the page, not an error.
 * Actuator's endpoints keep their own parameters ({@code tag} on metrics).
 */
public class QueryParameterCheck implements HandlerInterceptor {

    /** The parameter jQuery's {@code cache: false} appends, with a timestamp, to defeat caches. */
    public static final String CACHE_BUSTING = "_";
    public static final String STATUSPAGE_API = "/api/v2/";
    private static final Set<String> LINK_TRACKING = Set.of("fbclid", "gclid", "msclkid", "mc_cid", "mc_eid");
    private static final String PAGES = "io.incidenttimeline.api.http.site.";

    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    private final Map<Method, Known> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR
                || request.getQueryString() == null
                || method.getBeanType().getName().startsWith("org.springframework.boot.actuate.")) {
            return true;
        }
        refuseBrokenEncoding(request.getQueryString());
        Known accepted = known.computeIfAbsent(method.getMethod(), m -> declared(method));
        if (accepted.any()) {
            return true;
        }
        for (String name : names(request.getQueryString())) {
            if (!accepted.names().contains(name) && !cacheBusting(request, name) && !linkTracking(method, name)) {
                throw new UnknownQueryParameter(name, List.copyOf(accepted.names()));
            }
        }
        return true;
    }

    /** True when the query names no parameter but the cache-busting one (or none at all). */
    public static boolean onlyCacheBusting(String queryString) {
        return queryString == null || names(queryString).stream().allMatch(CACHE_BUSTING::equals);
    }

    private static boolean cacheBusting(HttpServletRequest request, String name) {
        String method = request.getMethod();
        return CACHE_BUSTING.equals(name) && ("GET".equals(method) || "HEAD".equals(method))
                && request.getRequestURI().startsWith(STATUSPAGE_API);
    }

    private static boolean linkTracking(HandlerMethod handler, String name) {
        return handler.getBeanType().getName().startsWith(PAGES)
                && (name.startsWith("utm_") || LINK_TRACKING.contains(name));
    }

    /** Tomcat drops a pair whose value it cannot decode ({@code %zz}): the answer would be the one to no filter. */
    private static void refuseBrokenEncoding(String queryString) {
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            try {
                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                String name = names(pair).get(0);
                throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.BAD_REQUEST.slug(), name,
                        name + " is not percent-encoded correctly: a % must be followed by two hex digits");
            }
        }
    }

    /** The parameter names of a query string, decoded as Tomcat decodes them ({@code +} is a space). */
    static List<String> names(String queryString) {
        List<String> result = new ArrayList<>();
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String raw = equals < 0 ? pair : pair.substring(0, equals);
            try {
                result.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                result.add(raw);
            }
        }
        return result;
    }

    private Known declared(HandlerMethod handler) {
        Set<String> result = new LinkedHashSet<>();
        String[] declaredNames = parameterNames.getParameterNames(handler.getMethod());
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : param.value();
            if (name.isEmpty() && Map.class.isAssignableFrom(parameter.getParameterType())) {
                return new Known(Set.of(), true);
            }
            result.add(!name.isEmpty() ? name : declaredNames[parameter.getParameterIndex()]);
        }
        QueryParameters own = handler.getMethodAnnotation(QueryParameters.class);
        if (own != null) {
            result.addAll(List.of(own.value()));
        }
        return new Known(result, false);
    }

    private record Known(Set<String> names, boolean any) {
    }
}
