package io.incidenttimeline.projections.audit.chain;

/** A stored event whose metadata or payload is not JSON, so it has no envelope and cannot be chained. */
public class UnreadableEventException extends Exception {

    private final long position;

    public UnreadableEventException(long position, String reason) {
        super(reason);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
