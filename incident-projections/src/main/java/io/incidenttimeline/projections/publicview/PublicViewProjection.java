package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import io.incidenttimeline.projections.support.BatchResources;
import io.incidenttimeline.projections.support.PendingDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

/**
 * Keeps the public view: every event is folded into its incident's (or component's) document. A batch of events
 * reads each document it touches once, folds in memory and writes the changed ones at the end of the batch, in the
 * batch's transaction; once that has committed, readers of the page are told it changed.
 */
@Component
@ProcessingGroup(PublicViewProjection.NAME)
public class PublicViewProjection implements ReplayableProjection {

    public static final String NAME = "public-view";

    private final PublicViewStore store;
    private final ProjectionGenerations generations;
    private final AggregateProgress progress;
    private final PublicPageChanges changes;

    public PublicViewProjection(PublicViewStore store, ProjectionGenerations generations, AggregateProgress progress,
                                PublicPageChanges changes) {
        this.store = store;
        this.generations = generations;
        this.progress = progress;
        this.changes = changes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** What one batch changes, in the generation being written. */
    private final class Batch {
        final int generation = generations.writeGeneration(NAME);
        final PendingDocuments<PublicIncident> incidents = new PendingDocuments<>(id -> store.incident(generation, id));
        final PendingDocuments<PublicComponent> components = new PendingDocuments<>(id -> store.component(generation, id));
        final AggregateProgress.Batch progress = PublicViewProjection.this.progress.batch(NAME, generation);

        void write() {
            progress.write();
            store.saveIncidents(generation, incidents.inserts(), incidents.updates());
            store.saveComponents(generation, components.inserts(), components.updates());
        }

        void announce() {
            if (incidents.changed() || components.changed()) {
                changes.changed();
            }
        }
    }

    private Batch batch() {
        return BatchResources.current(NAME, Batch::new, Batch::write, Batch::announce);
    }

    @EventHandler
    void on(ComponentDefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        Batch batch = batch();
        if (batch.progress.firstDelivery(streamId, sequence)) {
            batch.components.put(event.componentId(), PublicComponent.defined(event));
        }
    }

    @EventHandler
    void on(ComponentRedefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        Batch batch = batch();
        PublicComponent component = batch.components.get(event.componentId());
        if (batch.progress.firstDelivery(streamId, sequence) && component != null) {
            batch.components.put(event.componentId(), component.redefined(event));
        }
    }

    /** An incident's event; the aggregate identifier is the incident id. Maintenances are the maintenance view's. */
    @EventHandler
    void on(IncidentEvent event, @SourceId String incidentId, @SequenceNumber long sequence) {
        Batch batch = batch();
        if (!batch.progress.firstDelivery(incidentId, sequence)) {
            return;
        }
        PendingDocuments<PublicIncident> incidents = batch.incidents;
        PublicIncident before = incidents.get(incidentId);
        PublicIncident after = PublicIncidentFold.apply(before, event);
        if (after != null && !after.equals(before)) {
            incidents.put(incidentId, after);
        }
    }

    @ResetHandler
    void onReset() {
        var state = generations.current(NAME);
        if (state.replaying()) {
            deleteGeneration(state.building());
        }
    }

    @Override
    public void deleteGeneration(int generation) {
        store.deleteGeneration(generation);
        progress.deleteGeneration(NAME, generation);
    }
}
