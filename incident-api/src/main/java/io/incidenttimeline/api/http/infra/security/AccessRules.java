package io.incidenttimeline.api.http.infra.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what, in one table: it configures the security filter chain and documents each operation's role in
 * the OpenAPI description, so the two cannot drift apart. The first matching rule wins; an empty role list means
 * public.
 */
public final class AccessRules {

    public record Rule(HttpMethod method, String pattern, List<Role> roles) {

        public boolean isPublic() {
            return roles.isEmpty();
        }

        boolean matches(String httpMethod, String path) {
            return (method == null || method.matches(httpMethod)) && PATHS.match(pattern, path);
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    public static final List<Rule> RULES = List.of(
            open(HttpMethod.GET, "/"),
            open(HttpMethod.GET, "/incidents/*"),
            open(HttpMethod.GET, "/history.atom"),
            open(HttpMethod.GET, "/history.rss"),
            open(HttpMethod.GET, "/time-zone"),
            open(HttpMethod.GET, "/assets/**"),
            // subscribing by email: the form, and the signed links mailed to readers (the link is the authority)
            open(HttpMethod.GET, "/subscribe"),
            open(HttpMethod.POST, "/subscribe"),
            open(null, "/subscriptions/*"),
            open(HttpMethod.POST, "/api/public/v1/subscriptions"),
            open(null, "/actuator/health"),
            open(null, "/actuator/health/**"),
            rule(null, "/actuator/**", Role.ADMIN),
            open(HttpMethod.GET, "/v3/api-docs"),
            open(HttpMethod.GET, "/v3/api-docs/public"),
            open(HttpMethod.GET, "/v3/api-docs/swagger-config"),
            rule(HttpMethod.GET, "/v3/api-docs/**", Role.ADMIN),
            rule(null, "/api/v1/admin/**", Role.ADMIN),
            rule(HttpMethod.POST, "/api/v1/components", Role.ADMIN),
            rule(HttpMethod.POST, "/api/v1/components/*/retirement", Role.ADMIN),
            rule(HttpMethod.GET, "/api/v1/components", Role.RESPONDER, Role.AUDITOR),
            rule(null, "/api/v1/subscribers/**", Role.ADMIN),
            open(HttpMethod.GET, "/api/v1/audit/public-key"),
            rule(HttpMethod.POST, "/api/v1/audit/checkpoints", Role.ADMIN),
            rule(null, "/api/v1/audit/**", Role.AUDITOR),
            rule(HttpMethod.GET, "/api/v1/incidents", Role.RESPONDER, Role.AUDITOR),
            rule(HttpMethod.GET, "/api/v1/incidents/*", Role.RESPONDER, Role.AUDITOR),
            rule(HttpMethod.GET, "/api/v1/incidents/*/events", Role.RESPONDER, Role.AUDITOR),
            rule(HttpMethod.GET, "/api/v1/incidents/*/metrics", Role.RESPONDER, Role.AUDITOR),
            rule(HttpMethod.GET, "/api/v1/metrics/**", Role.RESPONDER, Role.AUDITOR),
            rule(HttpMethod.POST, "/api/v1/maintenances/**", Role.RESPONDER),
            rule(null, "/api/v1/**", Role.RESPONDER));

    private AccessRules() {
    }

    private static Rule rule(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, Arrays.asList(roles));
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, List.of());
    }

    /** The rule for a request, or empty when none matches (public). */
    public static Optional<Rule> ruleFor(String httpMethod, String path) {
        return RULES.stream().filter(rule -> rule.matches(httpMethod, path)).findFirst();
    }
}
