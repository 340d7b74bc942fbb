package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import io.incidenttimeline.projections.publicview.PublicPageChanges;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/** Keeps the maintenance view: every event of a maintenance stream is folded into that maintenance's document. */
@Component
@ProcessingGroup(MaintenanceViewProjection.NAME)
public class MaintenanceViewProjection implements ReplayableProjection {

    public static final String NAME = "maintenance-view";

    private final MaintenanceViewStore store;
    private final ProjectionGenerations generations;
    private final AggregateProgress progress;
    private final PublicPageChanges changes;

    public MaintenanceViewProjection(MaintenanceViewStore store, ProjectionGenerations generations,
                                     AggregateProgress progress, PublicPageChanges changes) {
        this.store = store;
        this.generations = generations;
        this.progress = progress;
        this.changes = changes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only maintenances' events: this processor has no batch to commit for another stream's. */
    @EventHandler
    void on(MaintenanceEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        int generation = generations.writeGeneration(NAME);
        if (!progress.firstDelivery(NAME, generation, aggregateId, sequence)) {
            return;
        }
        PublicMaintenance before = store.maintenance(generation, MaintenanceIds.maintenanceId(aggregateId)).orElse(null);
        PublicMaintenance after = PublicMaintenanceFold.apply(before, event);
        if (after != null && !after.equals(before)) {
            store.save(generation, after);
            CurrentUnitOfWork.get().root().afterCommit(batch -> changes.changed());
        }
    }

    @ResetHandler
    void onReset() {
        var state = generations.state(NAME);
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
