package io.incidenttimeline.api.http.read.statuspage;

import io.incidenttimeline.api.http.infra.web.QueryParameterCheck;
import io.incidenttimeline.api.statuspage.StatuspageCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves a Statuspage document that the cache holds already, ahead of every other filter: the pages and widgets
 * that poll these documents are the heaviest readers there are, and the most during an incident. Measured, most of
 * such a request's time went to the security filter chain, the request observation and the dispatcher
 * (docs/benchmarks.md). The response is the one the controller would send, headers included (StatuspageCacheApiTest
 * compares them). Everything else goes down the normal chain: a document not in the cache, or due for a
 * recomputation that no request has begun (the controller computes it), a cross-origin request (Spring's CORS
 * handling answers it), any request with credentials (a bad token is refused, also here), and any with a query
 * parameter but the cache-busting {@code _} (an unknown one is refused, also here).
 */
class CachedDocumentFilter extends OncePerRequestFilter {

    static final Map<String, String> DOCUMENTS = Map.of(
            "/api/v2/summary.json", "summary",
            "/api/v2/status.json", "status",
            "/api/v2/components.json", "components",
            "/api/v2/incidents.json", "incidents",
            "/api/v2/incidents/unresolved.json", "unresolved",
            "/api/v2/scheduled-maintenances.json", "maintenances",
            "/api/v2/scheduled-maintenances/upcoming.json", "maintenances-upcoming",
            "/api/v2/scheduled-maintenances/active.json", "maintenances-active");

    private final StatuspageCache cache;
    private final Counter served;

    CachedDocumentFilter(StatuspageCache cache, MeterRegistry meters) {
        this.cache = cache;
        this.served = Counter.builder("incident.statuspage.cached.responses")
                .description("Statuspage documents served from the cache ahead of the filter chain").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        StatuspageCache.Document document = servable(request);
        if (document == null) {
            chain.doFilter(request, response);
            return;
        }
        served.increment();
        // the headers Spring's CORS handling, Spring Security and the controller give the same response
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, PublicReadConfig.CACHE_CONTROL);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        if (notModified(request, response, document.etag())) {
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(document.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(document.body());
        }
    }

    private StatuspageCache.Document servable(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getHeader(HttpHeaders.ORIGIN) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !QueryParameterCheck.onlyCacheBusting(request.getQueryString())) {
            return null;
        }
        String name = DOCUMENTS.get(request.getRequestURI());
        return name == null ? null : cache.ready(name);
    }

    /**
     * The conditional GET as the controller answers it (Spring's, setting the ETag and, if the client has it, 304),
     * and 304 for {@code If-None-Match: *}, which any current document matches (RFC 9110): Spring applies {@code *}
     * to unsafe methods only.
     */
    static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return true;
        }
        boolean any = Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH)).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).anyMatch(tag -> tag.trim().equals("*"));
        if (any) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        }
        return any;
    }
}
