package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.maintenance.MaintenanceQueries;
import io.incidenttimeline.projections.support.EventFold;
import io.incidenttimeline.projections.support.RecordedEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads of the public view: the live one from the active generation of the projection, and the one of any past
 * moment by folding, with the same code, the events recorded up to that moment. The page includes the maintenances of
 * the maintenance view.
 */
@Service
public class PublicViewQueries {

    public static final int RECENT_INCIDENTS = 50;

    private final PublicViewStore store;
    private final ProjectionGenerations generations;
    private final RecordedEvents history;
    private final MaintenanceQueries maintenances;

    public PublicViewQueries(PublicViewStore store, ProjectionGenerations generations, RecordedEvents history,
                             MaintenanceQueries maintenances) {
        this.store = store;
        this.generations = generations;
        this.history = history;
        this.maintenances = maintenances;
    }

    public Optional<PublicIncident> incident(String incidentId) {
        return store.incident(active(), incidentId).filter(PublicIncident::visible);
    }

    public List<PublicComponent> components() {
        return store.components(active());
    }

    public List<PublicIncident> recentIncidents() {
        return store.visibleIncidents(active(), RECENT_INCIDENTS);
    }

    /** The visible incidents declared at or after {@code from}, most recently declared first. */
    public List<PublicIncident> incidentsDeclaredSince(Instant from) {
        return store.visibleIncidentsDeclaredSince(active(), from);
    }

    /** The visible incidents declared in [{@code from}, {@code until}), most recently declared first. */
    public List<PublicIncident> incidentsDeclaredBetween(Instant from, Instant until) {
        return store.visibleIncidentsDeclaredBetween(active(), from, until);
    }

    /** When each visible incident was declared, oldest first. */
    public List<Instant> declarationTimes() {
        return store.visibleDeclarationTimes(active());
    }

    public PageView page() {
        int generation = active();
        List<PublicIncident> incidents = new ArrayList<>(store.unresolvedIncidents(generation));
        store.lastChangedIncident(generation).filter(last -> incidents.stream().noneMatch(i -> i.id().equals(last.id())))
                .ifPresent(incidents::add);
        return PageView.compose(store.components(generation), incidents, maintenances.forPage());
    }

    public Optional<PublicIncident> incidentAsOf(String incidentId, Instant asOf) {
        return Optional.ofNullable(PublicIncidentFold.fold(history.upTo(incidentId, asOf)))
                .filter(PublicIncident::visible);
    }

    public List<PublicComponent> componentsAsOf(Instant asOf) {
        return history.aggregates(true).map(id -> EventFold.<PublicComponent>fromStart(history.upTo(id, asOf),
                PublicComponent::apply)).filter(Objects::nonNull).toList();
    }

    public PageView pageAsOf(Instant asOf) {
        List<PublicIncident> incidents = history.aggregates(false)
                .map(id -> PublicIncidentFold.fold(history.upTo(id, asOf))).filter(Objects::nonNull).toList();
        return PageView.compose(componentsAsOf(asOf), incidents, maintenances.asOf(asOf));
    }

    private int active() {
        return generations.readGeneration(PublicViewProjection.NAME);
    }
}
