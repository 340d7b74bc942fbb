package io.incidenttimeline.api.http.infra.security;

import io.incidenttimeline.api.accesstoken.PersonalTokenStore;
import io.incidenttimeline.api.axon.IncidentProperties;
import io.incidenttimeline.api.http.infra.problem.ProblemWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what. Public reads are open; commands need a responder, audits an auditor, administration an admin;
 * an admin may do everything. The audit public key is public: verifying must not need our trust.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** The methods Spring Security's StrictHttpFirewall lets through by default. */
    private static final List<String> FIREWALL_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST",
            "PUT");

    @Bean
    ApiTokens apiTokens(SecurityProperties properties, IncidentProperties incident, PersonalTokenStore issued) {
        return new ApiTokens(BootstrapToken.orBootstrap(properties.tokens(), incident.dataDir()), issued);
    }

    /** Basic credentials are checked like tokens: the username must match and the password's hash, in constant time. */
    @Bean
    WebhookBasicAuth webhookBasicAuth(SecurityProperties properties) {
        return new WebhookBasicAuth(properties.webhookBasicAuth());
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_RESPONDER
                ROLE_ADMIN > ROLE_AUDITOR
                """);
    }

    /**
     * Requests the firewall refuses get a problem+json too: a method it does not allow (such as {@code FOO}) is a 405,
     * anything else (path traversal, encoded or doubled slashes) a 400. On Tomcat's error dispatch of a request it
     * has answered already (its 405 for TRACE), the problem is that of Tomcat's status.
     */
    @Bean
    RequestRejectedHandler requestRejected(ProblemWriter problems) {
        return (request, response, rejected) -> {
            Object original = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = original instanceof Integer code ? HttpStatus.resolve(code) : null;
            if (request.getDispatcherType() == DispatcherType.ERROR && status != null && status.isError()) {
                Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                problems.writeStatus(request.getMethod(), String.valueOf(path), response, status);
            } else if (!FIREWALL_METHODS.contains(request.getMethod())) {
                problems.writeStatus(request.getMethod(), request.getRequestURI(), response, HttpStatus.METHOD_NOT_ALLOWED);
            } else {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-request",
                        "the request path is not acceptable (for example '..' or an encoded slash)", null);
            }
        };
    }

    /** No users or passwords exist; this keeps Spring Boot from generating a default one. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, WebhookBasicAuth basicAuth, ProblemWriter problems)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, basicAuth, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"incident-timeline\"");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "authentication-required",
                                    "this endpoint needs an API token: Authorization: Bearer <token>", HttpHeaders.AUTHORIZATION);
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", "this token's role may not do this", null)))
                .authorizeHttpRequests(auth -> {
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        var matcher = auth.requestMatchers(rule.method(), rule.pattern());
                        if (rule.isPublic()) {
                            matcher.permitAll();
                        } else {
                            matcher.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    auth.anyRequest().permitAll();
                });
        return http.build();
    }
}
