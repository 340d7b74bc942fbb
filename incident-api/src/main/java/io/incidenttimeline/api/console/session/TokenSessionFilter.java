package io.incidenttimeline.api.console.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each console request of a token session afresh from the token's hash (see {@link TokenSessions}).
 * The authentication lives for the request only: it is never saved in the session.
 */
final class TokenSessionFilter extends OncePerRequestFilter {

    private final TokenSessions sessions;

    TokenSessionFilter(TokenSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        sessions.current(request).ifPresent(caller -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new TokenAuthentication(caller));
            SecurityContextHolder.setContext(context);
        });
        chain.doFilter(request, response);
    }
}
