package io.incidenttimeline.api.console.session;

import io.incidenttimeline.api.console.sso.SingleSignOn;
import io.incidenttimeline.api.http.infra.security.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's own security: a session per signed-in person, a CSRF token on every form, the status page's strict
 * content security policy and no caching. It comes before the API's stateless chain and owns only its paths.
 * <p>
 * The session cookie is HttpOnly and SameSite=Strict ({@code server.servlet.session.cookie.*}); Tomcat adds Secure
 * itself whenever the request came over TLS ({@code request.isSecure()}, also behind a proxy with
 * {@code server.forward-headers-strategy}). The session ends after {@code server.servlet.session.timeout} without a
 * request, or at sign-out.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfig {

    public static final String SIGN_IN = "/console/sign-in";
    public static final String SIGN_OUT = "/console/sign-out";
    /** Where a refused request is forwarded to be answered with the console's 403 page. */
    public static final String FORBIDDEN = "/console/forbidden";

    /** The status page's policy (PageResponses); the console's script is its own file. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Pages that are only a form to write with: an auditor's answer is 403, as for their post. */
    private static final String[] WRITE_FORMS = {"/console/incidents/new", "/console/templates/new"};
    private static final String[] READERS = {Role.RESPONDER.name(), Role.AUDITOR.name()};

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, TokenSessions sessions, SingleSignOn singleSignOn) throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage(FORBIDDEN);
        http.securityMatcher("/console/**", "/oauth2/**", "/login/oauth2/**")
                // sign-in makes the new session itself (TokenSessions); single sign-on's login changes the id itself
                .sessionManagement(s -> s.requireExplicitAuthenticationStrategy(true))
                .securityContext(context -> context.securityContextRepository(new TokenSessionsAreNotSaved()))
                .addFilterAfter(new TokenSessionFilter(sessions), SecurityContextHolderFilter.class)
                .addFilterAfter(new EagerCsrfToken(), CsrfFilter.class)
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.logoutUrl(SIGN_OUT).invalidateHttpSession(true).clearAuthentication(true)
                        .logoutSuccessHandler((request, response, authentication) -> {
                            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                            response.setHeader("Location", SIGN_IN + "?signed-out");
                        }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new SignInEntryPoint())
                        .accessDeniedHandler(forbidden))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(SIGN_IN, FORBIDDEN).permitAll()
                        .requestMatchers("/assets/**").permitAll()
                        .requestMatchers(HttpMethod.POST, SIGN_OUT).authenticated()
                        .requestMatchers(HttpMethod.GET, WRITE_FORMS).hasRole(Role.RESPONDER.name())
                        .requestMatchers(HttpMethod.GET, "/console", "/console/**").hasAnyRole(READERS)
                        .requestMatchers("/console", "/console/**").hasRole(Role.RESPONDER.name())
                        .anyRequest().permitAll());
        singleSignOn.configure(http);
        return http.build();
    }
}
