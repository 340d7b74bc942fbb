package io.incidenttimeline.api.application;

/**
 * Why a command was not carried out.
 *
 * @param type   a stable slug clients may rely on, such as {@code incident-already-declared}
 * @param field  the offending input where there is one
 * @param detail what the caller can do about it
 */
public record Refusal(Kind kind, String type, String field, String detail) {

    public enum Kind {
        /** The input itself is wrong, whatever the state of the aggregate. */
        INVALID_INPUT,
        /** The input is well formed but the current state does not allow it. */
        RULE_VIOLATION,
        /** The command names something that does not exist. */
        NOT_FOUND,
        /** The aggregate changed since the version the caller expected. */
        STALE_VERSION,
        /** Another command changed the aggregate at the same moment, also after a few attempts. */
        CONCURRENT_MODIFICATION,
        /** The idempotency key was given before for a different request. */
        IDEMPOTENCY_KEY_REUSED,
        /** A request with the same idempotency key is still being carried out. */
        IDEMPOTENCY_KEY_IN_PROGRESS
    }
}
