package io.incidenttimeline.api.http.infra.security;

import io.incidenttimeline.api.http.infra.problem.ApiExceptionHandler;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.ProblemWriter;
import io.incidenttimeline.api.storage.StorageFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}, and under {@code /api/v1/webhooks/} also configured HTTP basic
 * credentials. Presented but unknown credentials are refused, never ignored.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private static final String BASIC = "Basic ";
    static final String WEBHOOKS = "/api/v1/webhooks/";

    private final ApiTokens tokens;
    private final WebhookBasicAuth basicAuth;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, WebhookBasicAuth basicAuth, ProblemWriter problems) {
        this.tokens = tokens;
        this.basicAuth = basicAuth;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<ApiTokens.Caller> caller;
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length()) && request.getRequestURI().startsWith(WEBHOOKS)) {
            caller = basicAuth.authenticate(header.substring(BASIC.length()).trim());
        } else if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() == PREFIX.length()) {
            refuse(request, response, "the Authorization header must be 'Bearer <token>'");
            return;
        } else {
            try {
                caller = tokens.authenticate(header.substring(PREFIX.length()).trim());
            } catch (RuntimeException e) {
                // issued tokens are looked up in the database: without it, the token can be neither accepted nor refused
                if (!StorageFailures.isUnavailable(e)) {
                    throw e;
                }
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ApiExceptionHandler.RETRY_AFTER_SECONDS));
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ProblemType.STORAGE_UNAVAILABLE.slug(),
                        "the database cannot be reached right now to check this token; retry after "
                                + ApiExceptionHandler.RETRY_AFTER_SECONDS + " seconds", null);
                return;
            }
        }
        if (caller.isEmpty()) {
            refuse(request, response, "the credentials are not valid");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(caller.get(), null,
                List.of(new SimpleGrantedAuthority(caller.get().role().authority())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"incident-timeline\", error=\"invalid_token\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token", detail, HttpHeaders.AUTHORIZATION);
    }
}
