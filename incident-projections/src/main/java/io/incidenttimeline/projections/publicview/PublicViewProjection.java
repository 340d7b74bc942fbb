package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentTable;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

/**
 * Keeps the public view: each incident's events are folded by {@link PublicIncidentFold} into its document, each
 * component's into its {@link PublicComponent}. Once a batch that changed either has committed, readers of the page
 * are told it changed.
 */
@Component
@ProcessingGroup(PublicViewProjection.NAME)
public class PublicViewProjection extends PublicIncidentHandlers implements ReplayableProjection {

    public static final String NAME = "public-view";

    private final PublicViewStore store;
    private final DocumentProjection documents;

    public PublicViewProjection(PublicViewStore store, ProjectionGenerations generations, AggregateProgress progress,
                                PublicPageChanges changes) {
        this.store = store;
        this.documents = new DocumentProjection(NAME, generations, progress, changes::changed, store.incidents(),
                store.components());
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(ComponentDefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        component(event.componentId(), event, streamId, sequence);
    }

    @EventHandler
    void on(ComponentRedefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        component(event.componentId(), event, streamId, sequence);
    }

    private void component(String componentId, Object event, String streamId, long sequence) {
        documents.fold(store.components(), componentId, streamId, sequence,
                component -> PublicComponent.apply(component, event));
    }

    @Override
    protected DocumentProjection documents() {
        return documents;
    }

    @Override
    protected DocumentTable<PublicIncident> incidents() {
        return store.incidents();
    }

    @ResetHandler
    void onReset() {
        documents.reset();
    }

    @Override
    public void deleteGeneration(int generation) {
        documents.deleteGeneration(generation);
    }
}
