package io.incidenttimeline.api.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text's UTF-8 bytes: token hashes, request fingerprints, ids derived from content. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    /** Lower-case hex, as token hashes are configured. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
