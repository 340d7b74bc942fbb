package io.incidenttimeline.api.console.sso;

import io.incidenttimeline.api.http.infra.security.Role;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person an OpenID Connect provider signed in, as the console knows them: named by the name claim, with exactly
 * one authority, the role their claims map to. Someone whose claims map to no role is refused here, so no session is
 * ever signed in without a role.
 */
final class ConsoleOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_ROLE = "no_console_role";
    static final String NO_NAME = "no_console_name";

    private static final Logger log = LoggerFactory.getLogger(ConsoleOidcUserService.class);

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final ClaimMapping mapping;

    ConsoleOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> provider, ClaimMapping mapping) {
        this.provider = provider;
        this.mapping = mapping;
    }

    ConsoleOidcUserService(ClaimMapping mapping) {
        this(new OidcUserService(), mapping);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        String nameClaim = mapping.nameClaim(signedIn.getClaims()).orElseThrow(() -> {
            log.warn("console sign-in through {} refused: subject {} has no usable name claim", registration,
                    signedIn.getSubject());
            return new OAuth2AuthenticationException(new OAuth2Error(NO_NAME));
        });
        String name = (String) signedIn.getClaims().get(nameClaim);
        Role role = mapping.role(signedIn.getClaims()).orElseThrow(() -> {
            log.info("console sign-in through {} refused: {} has no value of the role claim that maps to a role",
                    registration, name);
            return new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE));
        });
        log.info("{} signed in to the console through {} as {}", name, registration, role.wire());
        return new DefaultOidcUser(Set.of(new SimpleGrantedAuthority(role.authority())), signedIn.getIdToken(),
                signedIn.getUserInfo(), nameClaim);
    }
}
