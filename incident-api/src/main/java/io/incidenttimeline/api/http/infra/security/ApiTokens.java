package io.incidenttimeline.api.http.infra.security;

import io.incidenttimeline.api.support.Sha256;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The configured tokens, checked by hash in constant time. */
public final class ApiTokens {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final List<Entry> entries;

    public record Caller(String name, Role role) {
    }

    private record Entry(Caller caller, byte[] hash) {
    }

    public ApiTokens(List<SecurityProperties.Token> configured) {
        this.entries = configured.stream().map(ApiTokens::entry).toList();
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

    /** Compares the presented token's hash with every configured hash, so timing reveals neither match nor position. */
    public Optional<Caller> authenticate(String presentedToken) {
        return authenticateHash(Sha256.of(presentedToken));
    }

    /**
     * The caller whose token has this SHA-256, for a holder of the hash rather than the token (a console session keeps
     * only the hash, and asks again on every request so that a revoked token loses access at once).
     */
    public Optional<Caller> authenticateHash(byte[] presented) {
        Caller match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                match = entry.caller();
            }
        }
        return Optional.ofNullable(match);
    }

}
