package io.incidenttimeline.api.http.command;

import java.security.SecureRandom;

/** Ids the server assigns when the caller gives none: a prefix and 12 random characters that read unambiguously. */
public final class GeneratedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private GeneratedIds() {
    }

    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
