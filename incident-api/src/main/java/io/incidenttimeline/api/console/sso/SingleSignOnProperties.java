package io.incidenttimeline.api.console.sso;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the console after signing in through an OpenID Connect provider, and under which name. The provider
 * itself is Spring Boot's {@code spring.security.oauth2.client.*}.
 *
 * @param roleClaim the claim (of the ID token or the user-info answer) whose values give the role: a string or a list
 *                  of strings, e.g. the {@code groups} that Keycloak, Okta, Entra ID, Authentik and Dex can send
 * @param roles     the claim values that give each role; the highest role any value gives wins, and a person none of
 *                  whose values is listed is refused
 * @param nameClaim the claim whose value is the person's name in the console and the {@code actor} of their commands;
 *                  when they lack it, {@code email}, then {@code sub}
 */
@ConfigurationProperties("incident.console.sso")
public record SingleSignOnProperties(@DefaultValue("groups") String roleClaim, @DefaultValue Roles roles,
                                     @DefaultValue("preferred_username") String nameClaim) {

    /**
     * The claim values per role, rather than a map keyed by value: group names often hold {@code /}, {@code .} or
     * {@code :}, which a map key of Spring's binder silently drops unless bracketed.
     */
    public record Roles(@DefaultValue List<String> responder, @DefaultValue List<String> auditor,
                        @DefaultValue List<String> admin) {

        boolean isEmpty() {
            return responder.isEmpty() && auditor.isEmpty() && admin.isEmpty();
        }
    }
}
