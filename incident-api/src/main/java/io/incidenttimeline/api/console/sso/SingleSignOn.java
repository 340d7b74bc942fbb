package io.incidenttimeline.api.console.sso;

import io.incidenttimeline.api.console.ReturnPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * Single sign-on for the console through an OpenID Connect provider, where {@code spring.security.oauth2.client.*}
 * configures one. The console's security chain hands itself to {@link #configure}; its sign-in page offers
 * {@link #providers()} and shows {@link #problem} for its {@code error} parameter.
 * <p>
 * Only registrations that sign people in with OpenID Connect count (authorization code grant, scope {@code openid}):
 * the console's person is an {@code OidcUser}. Without any, nothing changes and no OAuth 2.0 bean is needed.
 */
@Component
public class SingleSignOn {

    static final String SIGN_IN = "/console/sign-in";
    static final String HOME = "/console";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    /** A configured provider: the console links to {@link #signInPath()} as "Sign in with {@code name}". */
    public record Provider(String registrationId, String name) {

        public String signInPath() {
            return OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + registrationId;
        }

        /** The same, coming back to the console path {@code next} after sign-in (ignored unless it is one). */
        public String signInPath(String next) {
            String safe = ReturnPaths.safe(next);
            return safe == null || safe.equals(HOME) ? signInPath()
                    : signInPath() + "?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
        }
    }

    private final List<ClientRegistration> registrations;
    private final SingleSignOnProperties properties;
    private final Clock clock;

    public SingleSignOn(ObjectProvider<ClientRegistrationRepository> repository, SingleSignOnProperties properties,
                        Clock clock) {
        this.registrations = signInRegistrations(repository.getIfAvailable());
        this.properties = properties;
        this.clock = clock;
        if (!registrations.isEmpty() && properties.roles().isEmpty()) {
            log.warn("single sign-on is configured, but incident.console.sso.roles gives no claim value a role: "
                    + "everyone who signs in through it is refused");
        }
    }

    /** The configured providers, none without {@code spring.security.oauth2.client.registration.*}. */
    public List<Provider> providers() {
        return registrations.stream().map(r -> new Provider(r.getRegistrationId(), r.getClientName())).toList();
    }

    /** What the sign-in page says for its {@code error} parameter after a refused single sign-on. */
    public static Optional<String> problem(String error) {
        if (error == null) {
            return Optional.empty();
        }
        return Optional.of(switch (error) {
            case SignInRedirects.NO_ROLE -> "You signed in, but your account has no role in this console. "
                    + "Ask an administrator to give one of your groups the responder, auditor or admin role.";
            case SignInRedirects.NO_NAME -> "You signed in, but the provider sent no name for you "
                    + "(preferred_username, email or sub). Ask an administrator to check what it sends.";
            default -> "Single sign-on did not complete. Try again, or sign in with your personal token.";
        });
    }

    /** Adds the OpenID Connect login to the console's chain when a provider is configured; nothing otherwise. */
    public void configure(HttpSecurity http) throws Exception {
        if (registrations.isEmpty()) {
            return;
        }
        ClientRegistrationRepository signIn = new InMemoryClientRegistrationRepository(registrations);
        SignInRedirects redirects = new SignInRedirects();
        http.oauth2Login(login -> login
                .loginPage(SIGN_IN)
                .clientRegistrationRepository(signIn)
                .authorizationEndpoint(authorization -> authorization
                        .authorizationRequestRepository(new CookieAuthorizationRequests(clock))
                        .authorizationRequestResolver(rememberingNext(signIn)))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(
                        new ConsoleOidcUserService(new ClaimMapping(properties))))
                .successHandler(redirects)
                .failureHandler(redirects));
    }

    /** Spring's resolver, with PKCE for every client, keeping a safe {@code next} in the authorization request. */
    private static OAuth2AuthorizationRequestResolver rememberingNext(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return withNext(resolver.resolve(request), request);
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return withNext(resolver.resolve(request, registrationId), request);
            }
        };
    }

    private static OAuth2AuthorizationRequest withNext(OAuth2AuthorizationRequest authorization,
                                                       HttpServletRequest request) {
        String next = ReturnPaths.safe(request.getParameter("next"));
        if (authorization == null || next == null) {
            return authorization;
        }
        return OAuth2AuthorizationRequest.from(authorization)
                .attributes(attributes -> attributes.put(SignInRedirects.NEXT, next)).build();
    }

    private static List<ClientRegistration> signInRegistrations(ClientRegistrationRepository repository) {
        List<ClientRegistration> signIn = new ArrayList<>();
        if (repository instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration
                        && AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())
                        && registration.getScopes().contains(OidcScopes.OPENID)) {
                    signIn.add(registration);
                }
            }
        }
        return List.copyOf(signIn);
    }
}
