package io.incidenttimeline.api.console.sso;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the console's single sign-on tests: Spring Authorization Server as a small Spring
 * Boot application of its own on a random port of this JVM, with form login, one registered client that needs no
 * consent, and a few people whose ID tokens carry {@code preferred_username} and {@code groups}. It is reached as
 * {@code localhost}; the console under test is reached as {@code 127.0.0.1} (the server refuses {@code localhost} in a
 * redirect URI), so the two are different sites with cookies of their own, as a real provider and the console are.
 */
final class OpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "incident-console";
    static final String CLIENT_SECRET = "console-secret-0123456789";

    /** Someone who can sign in at the provider: their password, the name the console should show, their groups. */
    record Person(String username, String password, String preferredUsername, List<String> groups) {
    }

    static final Person RESPONDER = new Person("ada", "ada-password", "ada.lovelace", List.of("staff", "incident-responders"));
    static final Person AUDITOR = new Person("grace", "grace-password", "grace.hopper", List.of("incident-auditors"));
    static final Person NOBODY = new Person("mallory", "mallory-password", "mallory", List.of("staff"));
    static final Person ADMIN = new Person("linus", "linus-password", "linus.t",
            List.of("incident-auditors", "platform-admins", "incident-responders"));

    private static final Map<String, Person> PEOPLE = Map.of(RESPONDER.username(), RESPONDER,
            AUDITOR.username(), AUDITOR, NOBODY.username(), NOBODY, ADMIN.username(), ADMIN);
    /** The console's callback, known only once the console has started, which needs the provider first. */
    private static final AtomicReference<String> REDIRECT_URI = new AtomicReference<>("http://127.0.0.1/unset");

    private final ConfigurableApplicationContext context;

    private OpenIdProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static OpenIdProvider start() {
        return new OpenIdProvider(new SpringApplicationBuilder(Beans.class).web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.config.name=sso-test-provider", "spring.main.banner-mode=off",
                        "server.servlet.session.cookie.name=PROVIDER_SESSION")
                .run());
    }

    String issuer() {
        return "http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Registers the console's callback for the client, e.g. {@code http://127.0.0.1:8080/login/oauth2/code/idp}. */
    void redirectUri(String uri) {
        REDIRECT_URI.set(uri);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The provider's beans; not a @Configuration, so the console application's component scan leaves it alone. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class Beans {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(PEOPLE.values().stream()
                    .map(p -> User.withUsername(p.username()).password("{noop}" + p.password()).roles("USER").build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient registeredClient) {
                    // the server saves a client to upgrade its secret's encoding; the test's client stays as it is
                }

                @Override
                public RegisteredClient findById(String id) {
                    return CLIENT_ID.equals(id) ? console() : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? console() : null;
                }
            };
        }

        private static RegisteredClient console() {
            return RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT_URI.get())
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
        }

        /** The claims a provider like Keycloak or Okta sends once a groups mapper is set up. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsInTheIdToken() {
            return context -> {
                Person person = PEOPLE.get(context.getPrincipal().getName());
                if (person != null && OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("preferred_username", person.preferredUsername())
                            .claim("groups", person.groups());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
