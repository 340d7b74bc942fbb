package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentReadModel;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.publicview.PublicPageChanges;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Keeps the maintenance view: each maintenance's events are folded by {@link PublicMaintenanceFold} into its document.
 * Once a batch that changed one has committed, readers of the page are told it changed.
 */
@Component
@ProcessingGroup(MaintenanceViewProjection.NAME)
public class MaintenanceViewProjection implements PublicMaintenanceHandlers, DocumentReadModel {

    public static final String NAME = "maintenance-view";

    private final MaintenanceViewStore store;
    private final DocumentProjection documents;

    public MaintenanceViewProjection(MaintenanceViewStore store, ProjectionGenerations generations,
                                     AggregateProgress progress, PublicPageChanges changes) {
        this.store = store;
        this.documents = new DocumentProjection(NAME, generations, progress, changes::changed, store.maintenances());
    }

    @Override
    public DocumentProjection documents() {
        return documents;
    }

    @Override
    public void maintenance(MaintenanceEvent event, DomainEventMessage<?> message) {
        documents.fold(store.maintenances(), MaintenanceIds.maintenanceId(message.getAggregateIdentifier()), message,
                maintenance -> PublicMaintenanceFold.apply(maintenance, event));
    }
}
