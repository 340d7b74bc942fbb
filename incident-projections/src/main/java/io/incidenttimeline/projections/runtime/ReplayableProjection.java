package io.incidenttimeline.projections.runtime;

/** A read model that can be rebuilt beside itself: its processing group name and how to drop one generation. */
public interface ReplayableProjection {

    String name();

    void deleteGeneration(int generation);
}
