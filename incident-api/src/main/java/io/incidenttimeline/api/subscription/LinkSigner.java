package io.incidenttimeline.api.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in the links mailed to readers: {@code base64url(purpose:subscription:nonce:expiry)} and a dot and the
 * HMAC-SHA256 of that under the link key. A token names what it may do (confirm, manage, unsubscribe), so one cannot
 * stand in for another; a confirmation token also carries the nonce stored with the pending subscription (used once)
 * and its expiry (epoch seconds; 0 for links that do not expire).
 */
final class LinkSigner {

    enum Purpose { CONFIRM, MANAGE, UNSUBSCRIBE }

    record Claims(Purpose purpose, String subscriptionId, String nonce, Instant expires) {

        boolean expiredAt(Instant now) {
            return expires != null && !now.isBefore(expires);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,400}\\.[A-Za-z0-9_-]{43}");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9-]{0,64}");

    private final byte[] key;

    LinkSigner(byte[] key) {
        this.key = key.clone();
    }

    String sign(Purpose purpose, String subscriptionId, String nonce, Instant expires) {
        String payload = purpose.name().toLowerCase(java.util.Locale.ROOT) + ":" + subscriptionId + ":"
                + (nonce == null ? "" : nonce) + ":" + (expires == null ? 0 : expires.getEpochSecond());
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(encoded));
    }

    /** The token's claims if it is well-formed and its signature holds; empty for anything else. */
    Optional<Claims> verify(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String encoded = token.substring(0, dot);
        byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        if (!MessageDigest.isEqual(mac(encoded), given)) {
            return Optional.empty();
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 4 || !PART.matcher(parts[1]).matches() || !PART.matcher(parts[2]).matches()) {
            return Optional.empty();
        }
        Purpose purpose;
        long expiry;
        try {
            purpose = Purpose.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
            expiry = Long.parseLong(parts[3]);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.of(new Claims(purpose, parts[1], parts[2].isEmpty() ? null : parts[2],
                expiry == 0 ? null : Instant.ofEpochSecond(expiry)));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
