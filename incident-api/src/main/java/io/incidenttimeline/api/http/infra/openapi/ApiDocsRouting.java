package io.incidenttimeline.api.http.infra.openapi;

import io.incidenttimeline.api.http.infra.security.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code /v3/api-docs} is the complete description for an admin and the public one for everybody else. */
@Component
class ApiDocsRouting extends OncePerRequestFilter {

    static final String PATH = "/v3/api-docs";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String group = isAdmin(SecurityContextHolder.getContext().getAuthentication())
                ? OpenApiConfig.COMPLETE_GROUP : OpenApiConfig.PUBLIC_GROUP;
        request.getRequestDispatcher(PATH + "/" + group).forward(request, response);
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
    }
}
