package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.maintenance.event.MaintenanceCancelled;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import io.incidenttimeline.projections.publicview.PublicPageChanges;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

/**
 * Keeps the maintenance view: each maintenance's events are folded by {@link PublicMaintenanceFold} into its document.
 * Once a batch that changed one has committed, readers of the page are told it changed.
 */
@Component
@ProcessingGroup(MaintenanceViewProjection.NAME)
public class MaintenanceViewProjection implements ReplayableProjection {

    public static final String NAME = "maintenance-view";

    private final MaintenanceViewStore store;
    private final DocumentProjection documents;

    public MaintenanceViewProjection(MaintenanceViewStore store, ProjectionGenerations generations,
                                     AggregateProgress progress, PublicPageChanges changes) {
        this.store = store;
        this.documents = new DocumentProjection(NAME, generations, progress, changes::changed, store.maintenances());
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(MaintenanceScheduled event, @SourceId String streamId, @SequenceNumber long sequence) {
        fold(event, streamId, sequence);
    }

    @EventHandler
    void on(MaintenanceUpdatePosted event, @SourceId String streamId, @SequenceNumber long sequence) {
        fold(event, streamId, sequence);
    }

    @EventHandler
    void on(MaintenanceStarted event, @SourceId String streamId, @SequenceNumber long sequence) {
        fold(event, streamId, sequence);
    }

    @EventHandler
    void on(MaintenanceCompleted event, @SourceId String streamId, @SequenceNumber long sequence) {
        fold(event, streamId, sequence);
    }

    @EventHandler
    void on(MaintenanceCancelled event, @SourceId String streamId, @SequenceNumber long sequence) {
        fold(event, streamId, sequence);
    }

    private void fold(MaintenanceEvent event, String streamId, long sequence) {
        documents.fold(store.maintenances(), MaintenanceIds.maintenanceId(streamId), streamId, sequence,
                maintenance -> PublicMaintenanceFold.apply(maintenance, event));
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
