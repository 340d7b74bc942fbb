package io.incidenttimeline.projections.document;

/** One document a batch of events changed: {@code before} is null for a document that has no row yet. */
public record DocumentChange<D>(D before, D after) {

    public boolean inserted() {
        return before == null;
    }
}
