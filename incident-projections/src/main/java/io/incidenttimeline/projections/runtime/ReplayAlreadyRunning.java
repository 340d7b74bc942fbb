package io.incidenttimeline.projections.runtime;

/** A replay was asked for a projection that is being rebuilt already: one rebuild at a time. */
public class ReplayAlreadyRunning extends RuntimeException {

    private final String projection;

    public ReplayAlreadyRunning(String projection) {
        super(projection + " is being rebuilt already");
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }
}
