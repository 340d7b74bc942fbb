package io.incidenttimeline.api.security;

import io.incidenttimeline.api.config.IncidentProperties;
import io.incidenttimeline.api.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what. Public reads are open; commands need a responder, audits an auditor, administration an admin;
 * an admin may do everything. The audit public key is public: verifying must not need our trust.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    ApiTokens apiTokens(SecurityProperties properties, IncidentProperties incident) {
        return new ApiTokens(BootstrapToken.orBootstrap(properties.tokens(), incident.dataDir()));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_RESPONDER
                ROLE_ADMIN > ROLE_AUDITOR
                """);
    }

    /** No users or passwords exist; this keeps Spring Boot from generating a default one. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"incident-timeline\"");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "authentication-required",
                                    "this endpoint needs an API token: Authorization: Bearer <token>", HttpHeaders.AUTHORIZATION);
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", "this token's role may not do this", null)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/components").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/public-key").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/incidents/*/events")
                        .hasAnyRole(Role.RESPONDER.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/v1/**").hasRole(Role.RESPONDER.name())
                        .anyRequest().permitAll());
        return http.build();
    }
}
