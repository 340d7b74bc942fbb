package io.incidenttimeline.api.http.infra.security;

import io.incidenttimeline.api.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** HTTP basic credentials for webhook senders, stored and compared like API tokens (hash, constant time). */
public final class WebhookBasicAuth {

    private record Entry(ApiTokens.Caller caller, byte[] passwordHash) {
    }

    private final List<Entry> entries;

    WebhookBasicAuth(List<SecurityProperties.BasicCredential> credentials) {
        // ApiTokens validates name, role and hash format the same way for both kinds of credential
        new ApiTokens(credentials.stream().map(SecurityProperties.BasicCredential::asToken).toList());
        this.entries = credentials.stream().map(c -> new Entry(new ApiTokens.Caller(c.username(), c.role()),
                HexFormat.of().parseHex(c.passwordSha256()))).toList();
    }

    Optional<ApiTokens.Caller> authenticate(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String username = decoded.substring(0, colon);
        byte[] presented = Sha256.of(decoded.substring(colon + 1));
        ApiTokens.Caller match = null;
        for (Entry entry : entries) {
            boolean passwordMatches = MessageDigest.isEqual(entry.passwordHash(), presented);
            if (passwordMatches && entry.caller().name().equals(username)) {
                match = entry.caller();
            }
        }
        return Optional.ofNullable(match);
    }
}
