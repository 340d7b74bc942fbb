package io.incidenttimeline.api.console.sso;

import io.incidenttimeline.api.console.ReturnPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Where a single sign-on ends. Signed in: a small page that moves on to the console (or the console page the person
 * asked for) by itself. It is a page and not a redirect because the whole redirect chain from the provider counts as
 * cross-site, and a browser sends the SameSite=Strict session cookie only on a navigation that starts on this site.
 * Refused: the sign-in page with {@code ?error=} one of {@link SingleSignOn#problem}'s reasons.
 */
final class SignInRedirects implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String NO_ROLE = "sso-no-role";
    static final String NO_NAME = "sso-no-name";
    static final String FAILED = "sso-failed";
    /** The authorization request attribute that carries the console path to return to. */
    static final String NEXT = "incident.console.next";

    private static final Logger log = LoggerFactory.getLogger(SignInRedirects.class);
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        String target = request.getContextPath() + next(request);
        String escaped = target.replace("&", "&amp;");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] page = ("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=%1$s"><title>Signed in</title></head>
                <body><p>Signed in. <a href="%1$s">Continue to the console</a></p></body>
                </html>
                """).formatted(escaped).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) {
        String reason = FAILED;
        if (exception instanceof OAuth2AuthenticationException oauth2) {
            String code = oauth2.getError().getErrorCode();
            reason = switch (code) {
                case ConsoleOidcUserService.NO_ROLE -> NO_ROLE;
                case ConsoleOidcUserService.NO_NAME -> NO_NAME;
                default -> FAILED;
            };
            if (reason.equals(FAILED)) {
                String description = String.valueOf(oauth2.getError().getDescription());
                log.warn("console sign-in through an OpenID Connect provider failed: [{}] {}", code,
                        description.length() > 300 ? description.substring(0, 300) + "..." : description);
            }
        } else {
            log.warn("console sign-in through an OpenID Connect provider failed: {}", exception.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + SingleSignOn.SIGN_IN + "?error=" + reason);
    }

    private static String next(HttpServletRequest request) {
        if (request.getAttribute(CookieAuthorizationRequests.REMOVED) instanceof OAuth2AuthorizationRequest authorization
                && authorization.getAttribute(NEXT) instanceof String next && ReturnPaths.safe(next) != null) {
            return next;
        }
        return SingleSignOn.HOME;
    }
}
