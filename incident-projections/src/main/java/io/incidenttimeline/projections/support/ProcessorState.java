package io.incidenttimeline.projections.support;

/**
 * State that an event processor which is no replayable read model keeps in the read store beside its token (such as
 * the webhook processor's copy of the public view). A deliberate rebuild of the read store deletes the tokens, so it
 * empties this state too: the processor then folds it again from the first event.
 */
public interface ProcessorState {

    void clear();
}
