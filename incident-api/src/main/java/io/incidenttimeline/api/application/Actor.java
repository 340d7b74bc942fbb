package io.incidenttimeline.api.application;

/**
 * Who sends a command, through which channel, and under which idempotency key. Every event the command causes carries
 * the name, role, channel, correlation id and key, so the audit trail says who did what and how.
 *
 * @param idempotencyKey     the caller's key for this request, or null; a repeat under the key gets the first answer
 * @param requestFingerprint what the caller asked for under the key, in a canonical form; a key given again for another
 *                           request is refused. Ids the command generates are not part of it. Null without a key.
 */
public record Actor(String name, String role, String channel, String correlationId, String idempotencyKey,
                    String requestFingerprint) {

    public Actor {
        if ((idempotencyKey == null) != (requestFingerprint == null)) {
            throw new IllegalArgumentException("an idempotency key goes with the fingerprint of its request");
        }
    }

    public Actor(String name, String role, String channel, String correlationId) {
        this(name, role, channel, correlationId, null, null);
    }

    /** This actor sending the request {@code fingerprint} under {@code key}. */
    public Actor withIdempotencyKey(String key, String fingerprint) {
        return new Actor(name, role, channel, correlationId, key, fingerprint);
    }

    boolean hasIdempotencyKey() {
        return idempotencyKey != null;
    }
}
