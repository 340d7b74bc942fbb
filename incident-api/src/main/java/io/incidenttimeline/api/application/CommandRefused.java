package io.incidenttimeline.api.application;

/** A command was refused; {@code replayed} when this is the stored refusal of an earlier request with the same key. */
public class CommandRefused extends RuntimeException {

    private final transient Refusal refusal;
    private final boolean replayed;

    public CommandRefused(Refusal refusal, boolean replayed) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
        this.replayed = replayed;
    }

    public Refusal refusal() {
        return refusal;
    }

    public boolean replayed() {
        return replayed;
    }
}
