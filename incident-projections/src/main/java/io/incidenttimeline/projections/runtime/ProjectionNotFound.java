package io.incidenttimeline.projections.runtime;

import java.util.Set;

/** A replay or status was asked for a projection this application does not have. */
public class ProjectionNotFound extends RuntimeException {

    private final String projection;

    public ProjectionNotFound(String projection, Set<String> known) {
        super("no projection named " + projection + "; known are " + String.join(", ", known));
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }
}
