package io.incidenttimeline.projections.document;

import io.incidenttimeline.projections.runtime.ReplayableProjection;
import org.axonframework.eventhandling.ResetHandler;

/**
 * A read model kept by {@link DocumentProjection}. Its name, its reset before a replay and the dropping of a retired
 * generation are the skeleton's, declared here once, so that no such read model can leave one out or do it otherwise.
 */
public interface DocumentReadModel extends ReplayableProjection {

    /** The skeleton this read model folds its events with. */
    DocumentProjection documents();

    @Override
    default String name() {
        return documents().name();
    }

    @ResetHandler
    default void onReset() {
        documents().reset();
    }

    @Override
    default void deleteGeneration(int generation) {
        documents().deleteGeneration(generation);
    }
}
