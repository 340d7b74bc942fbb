package io.incidenttimeline.projections.audit.continuity;

import io.incidenttimeline.projections.audit.verify.Failure;

/** A checkpoint was asked for while the chain's continuity is broken: nothing is signed over it. */
public final class ContinuityBroken extends RuntimeException {

    private final transient Failure failure;

    public ContinuityBroken(Failure failure) {
        super("no checkpoint is signed while the audit chain's continuity is broken (" + failure.reason()
                + " at position " + failure.position() + "): " + failure.detail());
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
