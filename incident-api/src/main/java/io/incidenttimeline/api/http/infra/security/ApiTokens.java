package io.incidenttimeline.api.http.infra.security;

import io.incidenttimeline.api.accesstoken.ConfiguredTokens;
import io.incidenttimeline.api.accesstoken.PersonalTokenStore;
import io.incidenttimeline.api.support.Sha256;
import io.incidenttimeline.core.accesstoken.TokenRole;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tokens that authenticate a caller: the configured ones, checked by hash in constant time, and the personal
 * tokens an admin issued at run time, looked up by hash in the event store's database on every call.
 */
public final class ApiTokens implements ConfiguredTokens {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int SHA256_BYTES = 32;

    private final List<Entry> entries;
    private final PersonalTokenStore issued;

    public record Caller(String name, Role role) {
    }

    private record Entry(Caller caller, byte[] hash) {
    }

    /** The configured tokens only, such as for checking a configuration. */
    public ApiTokens(List<SecurityProperties.Token> configured) {
        this(configured, null);
    }

    /** @param issued the personal tokens issued at run time, or null for none */
    public ApiTokens(List<SecurityProperties.Token> configured, PersonalTokenStore issued) {
        this.entries = configured.stream().map(ApiTokens::entry).toList();
        this.issued = issued;
    }

    private static Entry entry(SecurityProperties.Token token) {
        if (token.name() == null || token.name().isBlank() || token.role() == null) {
            throw new IllegalStateException("every incident.security.tokens entry needs a name and a role");
        }
        if (token.sha256() == null || !SHA256_HEX.matcher(token.sha256()).matches()) {
            throw new IllegalStateException("incident.security.tokens entry '" + token.name()
                    + "': sha256 must be the lower-case hex SHA-256 of the token (64 characters)");
        }
        return new Entry(new Caller(token.name(), token.role()), HexFormat.of().parseHex(token.sha256()));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public List<ConfiguredToken> configured() {
        return entries.stream().map(entry -> new ConfiguredToken(entry.caller().name(),
                TokenRole.of(entry.caller().role().wire()))).toList();
    }

    /** Compares the presented token's hash with every configured hash, so timing reveals neither match nor position. */
    public Optional<Caller> authenticate(String presentedToken) {
        return authenticateHash(Sha256.of(presentedToken));
    }

    /**
     * The caller whose token has this SHA-256, for a holder of the hash rather than the token (a console session keeps
     * only the hash, and asks again on every request so that a revoked token loses access at once).
     * <p>
     * The issued tokens are not cached: each call asks the database, so a token revoked on any node fails here on the
     * next request. That lookup goes by an index on the hash, whose timing could tell at most something about the
     * hash of a guess, never about a token.
     */
    public Optional<Caller> authenticateHash(byte[] presented) {
        Caller match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                match = entry.caller();
            }
        }
        if (match != null) {
            if (issued != null) {
                issued.configuredTokenUsed(match.name());
            }
            return Optional.of(match);
        }
        if (issued == null || presented == null || presented.length != SHA256_BYTES) {
            return Optional.empty();
        }
        return issued.holderOf(HexFormat.of().formatHex(presented))
                .map(holder -> new Caller(holder.name(), Role.of(holder.role().wire())));
    }
}
