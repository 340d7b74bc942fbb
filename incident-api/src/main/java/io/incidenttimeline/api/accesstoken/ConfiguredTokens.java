package io.incidenttimeline.api.accesstoken;

import io.incidenttimeline.core.accesstoken.TokenRole;
import java.util.List;
import java.util.Optional;

/**
 * The tokens of the configuration ({@code incident.security.tokens}, or the generated bootstrap admin token): their
 * names are taken, and they can be removed only there, never at run time.
 */
public interface ConfiguredTokens {

    record ConfiguredToken(String name, TokenRole role) {
    }

    List<ConfiguredToken> configured();

    default Optional<ConfiguredToken> configured(String name) {
        return configured().stream().filter(token -> token.name().equals(name)).findFirst();
    }
}
