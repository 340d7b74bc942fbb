package io.incidenttimeline.projections.audit.chain;

/** The recorded link of one event: its position, its id and the chain hash through it (64 lower-case hex digits). */
public record ChainEntry(long position, String eventId, String hash) {

    /** The start of the chain, before the first event. */
    public static final ChainEntry GENESIS = new ChainEntry(0, null, ChainHash.GENESIS);
}
