package io.incidenttimeline.projections.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The link function of the audit chain: {@code hash(n) = SHA-256(32 raw bytes of hash(n-1) || RFC 8785 bytes of the
 * envelope of event n)}. The first event links to {@link #GENESIS}, 32 zero bytes. Hashes are written as 64 lower-case
 * hex digits. Used by the server and by the offline verifier alike, so it must not depend on Spring.
 */
public final class ChainHash {

    public static final int LENGTH = 32;
    public static final String GENESIS = "0".repeat(LENGTH * 2);

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");

    private ChainHash() {
    }

    public static byte[] next(byte[] previous, byte[] canonicalEnvelope) {
        if (previous.length != LENGTH) {
            throw new IllegalArgumentException("a previous hash has " + LENGTH + " bytes, not " + previous.length);
        }
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(canonicalEnvelope);
        return sha256.digest();
    }

    public static String next(String previousHex, byte[] canonicalEnvelope) {
        return hex(next(parse(previousHex), canonicalEnvelope));
    }

    public static boolean isHash(String text) {
        return text != null && HEX_HASH.matcher(text).matches();
    }

    public static byte[] parse(String hex) {
        if (!isHash(hex)) {
            throw new IllegalArgumentException("a hash is 64 lower-case hex digits, not '" + hex + "'");
        }
        return HEX.parseHex(hex);
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
