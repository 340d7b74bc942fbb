package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

/** Keeps the public view: every event is folded into its incident's (or component's) document. */
@Component
@ProcessingGroup(PublicViewProjection.NAME)
public class PublicViewProjection implements ReplayableProjection {

    public static final String NAME = "public-view";

    private final PublicViewStore store;
    private final ProjectionGenerations generations;
    private final AggregateProgress progress;

    public PublicViewProjection(PublicViewStore store, ProjectionGenerations generations, AggregateProgress progress) {
        this.store = store;
        this.generations = generations;
        this.progress = progress;
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(ComponentDefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        int generation = generations.writeGeneration(NAME);
        if (progress.firstDelivery(NAME, generation, streamId, sequence)) {
            store.save(generation, PublicComponent.defined(event));
        }
    }

    @EventHandler
    void on(ComponentRedefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        int generation = generations.writeGeneration(NAME);
        if (progress.firstDelivery(NAME, generation, streamId, sequence)) {
            store.component(generation, event.componentId())
                    .ifPresent(component -> store.save(generation, component.redefined(event)));
        }
    }

    /** Every other event belongs to an incident, whose aggregate identifier is the incident id, or to a maintenance. */
    @EventHandler
    void on(Object event, @SourceId String incidentId, @SequenceNumber long sequence) {
        if (MaintenanceIds.isMaintenanceStream(incidentId)) {
            return;
        }
        int generation = generations.writeGeneration(NAME);
        if (!progress.firstDelivery(NAME, generation, incidentId, sequence)) {
            return;
        }
        PublicIncident before = store.incident(generation, incidentId).orElse(null);
        PublicIncident after = PublicIncidentFold.apply(before, event);
        if (after != null && !after.equals(before)) {
            store.save(generation, after);
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
