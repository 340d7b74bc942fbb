package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.RecordedEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads of the maintenance view: the live one from the active generation of the projection, and the one of any past
 * moment by folding, with the same code, the events recorded up to that moment. Every maintenance message is public.
 */
@Service
public class MaintenanceQueries {

    public static final int RECENT_MAINTENANCES = 50;

    private final MaintenanceViewStore store;
    private final ProjectionGenerations generations;
    private final RecordedEvents history;

    public MaintenanceQueries(MaintenanceViewStore store, ProjectionGenerations generations, RecordedEvents history) {
        this.store = store;
        this.generations = generations;
        this.history = history;
    }

    public Optional<PublicMaintenance> maintenance(String maintenanceId) {
        return store.maintenance(active(), maintenanceId);
    }

    /** Announced and not started, soonest first. */
    public List<PublicMaintenance> upcoming() {
        return store.withStatus(active(), MaintenanceStatus.SCHEDULED);
    }

    /** Under way, in the order of their windows. */
    public List<PublicMaintenance> inProgress() {
        return store.withStatus(active(), MaintenanceStatus.IN_PROGRESS);
    }

    /** The 50 most recently announced, whatever their status, newest first. */
    public List<PublicMaintenance> recent() {
        return store.recent(active(), RECENT_MAINTENANCES);
    }

    /**
     * What the page needs to know: the upcoming and the ones under way, and the one that changed last (a maintenance
     * that just ended still dates the page).
     */
    public List<PublicMaintenance> forPage() {
        int generation = active();
        List<PublicMaintenance> maintenances = new ArrayList<>(
                store.withStatus(generation, MaintenanceStatus.SCHEDULED, MaintenanceStatus.IN_PROGRESS));
        store.lastChanged(generation).filter(last -> maintenances.stream().noneMatch(m -> m.id().equals(last.id())))
                .ifPresent(maintenances::add);
        return maintenances;
    }

    /** Every maintenance as it was at a recorded moment; those announced later are left out. */
    public List<PublicMaintenance> asOf(Instant asOf) {
        return history.maintenanceStreams().map(id -> PublicMaintenanceFold.fold(history.upTo(id, asOf)))
                .filter(Objects::nonNull).toList();
    }

    /** Maintenances due to start or complete on their own at {@code now}. */
    public List<PublicMaintenance> due(Instant now) {
        return store.due(active(), now);
    }

    private int active() {
        return generations.readGeneration(MaintenanceViewProjection.NAME);
    }
}
