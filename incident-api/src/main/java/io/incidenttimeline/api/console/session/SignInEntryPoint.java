package io.incidenttimeline.api.console.session;

import io.incidenttimeline.api.console.ReturnPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a person who is not signed in to the sign-in page: a page they asked for (GET) comes back after sign-in; any
 * other request is not repeated (303 to the sign-in page).
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        String target = ConsoleSecurityConfig.SIGN_IN;
        if ("GET".equals(request.getMethod())) {
            String asked = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String next = ReturnPaths.safe(asked);
            if (next != null && !next.equals(ReturnPaths.HOME)) {
                target += "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            }
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }
}
