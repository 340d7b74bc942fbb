package io.incidenttimeline.api.console.session;

import io.incidenttimeline.api.http.infra.security.ApiTokens;
import io.incidenttimeline.api.support.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A console session signed in with a personal token keeps the token's SHA-256 and nothing else of it; every request
 * asks {@link ApiTokens#authenticateHash} who that is now, so a revoked token (or a changed role) takes effect at
 * once, on every node.
 */
@Component
public class TokenSessions {

    static final String TOKEN_HASH = "incident.console.token-sha256";

    private final ApiTokens tokens;

    public TokenSessions(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Signs in with {@code token} when it is valid: the session before it (with its CSRF token) is invalidated and a
     * new one, under a new id, keeps the token's hash, so an id planted before sign-in is worth nothing after it.
     */
    public Optional<ApiTokens.Caller> signIn(HttpServletRequest request, String token) {
        Optional<ApiTokens.Caller> caller = tokens.authenticate(token);
        if (caller.isPresent()) {
            HttpSession before = request.getSession(false);
            if (before != null) {
                before.invalidate();
            }
            request.getSession(true).setAttribute(TOKEN_HASH, Sha256.of(token));
        }
        return caller;
    }

    /**
     * Who the session's token belongs to now; empty when the session has no token, or its token is no longer valid,
     * in which case the session is ended on the server.
     */
    Optional<ApiTokens.Caller> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object hash;
        try {
            hash = session.getAttribute(TOKEN_HASH);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (!(hash instanceof byte[] sha256)) {
            return Optional.empty();
        }
        Optional<ApiTokens.Caller> caller = tokens.authenticateHash(sha256);
        if (caller.isEmpty()) {
            session.invalidate();
        }
        return caller;
    }
}
