package io.incidenttimeline.api.console.session;

import io.incidenttimeline.api.http.infra.security.ApiTokens;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person signed in to the console with a personal token: the principal is the token's {@link ApiTokens.Caller},
 * the name the token's name. It holds no credentials; it is rebuilt on every request from the token's hash.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final transient ApiTokens.Caller caller;

    public TokenAuthentication(ApiTokens.Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public ApiTokens.Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
