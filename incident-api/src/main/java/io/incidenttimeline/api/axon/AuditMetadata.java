package io.incidenttimeline.api.axon;

/** The metadata keys every event carries, copied from the command that caused it. */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String CHANNEL = "channel";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    static final String[] KEYS = {ACTOR, ROLE, CHANNEL, CORRELATION_ID, IDEMPOTENCY_KEY};

    private AuditMetadata() {
    }
}
