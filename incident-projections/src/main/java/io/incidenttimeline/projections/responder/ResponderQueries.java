package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.ReadYourWrites;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads of the responder view, from the generation queries read. */
@Service
public class ResponderQueries {


    private final ResponderViewStore store;
    private final ProjectionGenerations generations;

    public ResponderQueries(ResponderViewStore store, ProjectionGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    /** One page of incidents and, when more follow, where the next one starts. */
    public record IncidentPage(List<ResponderIncident> incidents, IncidentCursor next) {
    }

    /** A component of the catalogue with the worst status an open incident (internal ones included) gives it. */
    public record ComponentState(ResponderComponent component, ComponentStatus status) {
    }

    public static final Comparator<ResponderComponent> BY_POSITION = Comparator
            .comparing(ResponderComponent::position, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ResponderComponent::name).thenComparing(ResponderComponent::id);

    public Optional<ResponderIncident> incident(String incidentId) {
        return store.incident(active(), incidentId);
    }

    /**
     * The incident once the view has reached {@code minVersion} (a command's answer names it), waiting at most
     * {@code wait}; after that, the incident as far as the view has come.
     */
    public Optional<ResponderIncident> incident(String incidentId, long minVersion, Duration wait) {
        return ReadYourWrites.await(() -> incident(incidentId), ResponderIncident::version, minVersion, wait);
    }

    public IncidentPage incidents(IncidentFilter filter, IncidentCursor after, int limit) {
        List<ResponderIncident> rows = store.incidents(active(), filter, after, limit + 1);
        if (rows.size() <= limit) {
            return new IncidentPage(rows, null);
        }
        List<ResponderIncident> page = rows.subList(0, limit);
        ResponderIncident last = page.get(limit - 1);
        return new IncidentPage(List.copyOf(page), new IncidentCursor(last.declaredAt(), last.id()));
    }

    /** Every component, retired ones included, in the order of the page. */
    public List<ComponentState> components() {
        int generation = active();
        List<ResponderIncident> open = store.openIncidents(generation);
        return store.components(generation).stream().sorted(BY_POSITION).map(component -> {
            ComponentStatus worst = ComponentStatus.OPERATIONAL;
            for (ResponderIncident incident : open) {
                ComponentStatus status = incident.components().get(component.id());
                if (status != null && status.ordinal() > worst.ordinal()) {
                    worst = status;
                }
            }
            return new ComponentState(component, worst);
        }).toList();
    }

    private int active() {
        return generations.readGeneration(ResponderViewProjection.NAME);
    }
}
