package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

/** Keeps the maintenance view: every event of a maintenance stream is folded into that maintenance's document. */
@Component
@ProcessingGroup(MaintenanceViewProjection.NAME)
public class MaintenanceViewProjection implements ReplayableProjection {

    public static final String NAME = "maintenance-view";

    private final MaintenanceViewStore store;
    private final ProjectionGenerations generations;

    public MaintenanceViewProjection(MaintenanceViewStore store, ProjectionGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(Object event, @SourceId String aggregateId) {
        if (!MaintenanceIds.isMaintenanceStream(aggregateId)) {
            return;
        }
        int generation = generations.writeGeneration(NAME);
        PublicMaintenance before = store.maintenance(generation, MaintenanceIds.maintenanceId(aggregateId)).orElse(null);
        PublicMaintenance after = PublicMaintenanceFold.apply(before, event);
        if (after != null && !after.equals(before)) {
            store.save(generation, after);
        }
    }

    @ResetHandler
    void onReset() {
        var state = generations.state(NAME);
        if (state.replaying()) {
            store.deleteGeneration(state.building());
        }
    }

    @Override
    public void deleteGeneration(int generation) {
        store.deleteGeneration(generation);
    }
}
