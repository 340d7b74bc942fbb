package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The whole public page at one moment: each component with the worst status an open incident gives it, else under
 * maintenance while a maintenance under way names it, else operational; the open incidents; the upcoming maintenances
 * and those under way; and the top-level status. One pure function, used for the live page and for time travel alike.
 * <p>
 * An incident's status outranks maintenance (a component in partial outage during its maintenance shows the outage:
 * readers need to know what does not work that should), and maintenance outranks operational. This is the order of
 * {@link ComponentStatus}.
 */
public record PageView(List<ComponentView> components, List<PublicComponent> retired, List<PublicIncident> unresolved,
                       List<PublicMaintenance> maintenances, TopLevelStatus status, Instant updatedAt) {

    public record ComponentView(PublicComponent component, ComponentStatus status, Instant updatedAt) {
    }

    public static final Comparator<PublicComponent> BY_POSITION = Comparator
            .comparing(PublicComponent::position, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PublicComponent::name).thenComparing(PublicComponent::id);

    /** The components themselves, in position order, and then the retired ones, which past incidents still name. */
    public List<PublicComponent> catalogue() {
        return Stream.concat(components.stream().map(ComponentView::component), retired.stream()).toList();
    }

    public static PageView compose(Collection<PublicComponent> catalogue, Collection<PublicIncident> incidents) {
        return compose(catalogue, incidents, List.of());
    }

    /**
     * @param maintenances at least the upcoming ones and those under way; ended ones given here only date the page
     */
    public static PageView compose(Collection<PublicComponent> catalogue, Collection<PublicIncident> incidents,
                                   Collection<PublicMaintenance> maintenances) {
        List<PublicIncident> open = incidents.stream().filter(i -> i.visible() && !i.resolved())
                .sorted(Comparator.comparing(PublicIncident::declaredAt).reversed().thenComparing(PublicIncident::id))
                .toList();
        List<PublicMaintenance> current = maintenances.stream().filter(m -> m.upcoming() || m.active())
                .sorted(Comparator.comparing(PublicMaintenance::scheduledFor).thenComparing(PublicMaintenance::id))
                .toList();
        List<PublicMaintenance> underWay = current.stream().filter(PublicMaintenance::active).toList();
        List<ComponentView> components = catalogue.stream().filter(c -> !c.retired()).sorted(BY_POSITION)
                .map(component -> view(component, open, underWay)).toList();
        List<PublicComponent> retired = catalogue.stream().filter(PublicComponent::retired).sorted(BY_POSITION).toList();
        TopLevelStatus status = TopLevelStatus.of(components.stream().map(ComponentView::status).toList(),
                open.stream().map(PublicIncident::impact).toList(), !underWay.isEmpty());
        Instant updatedAt = Stream.of(components.stream().map(ComponentView::updatedAt),
                        retired.stream().map(PublicComponent::updatedAt),
                        incidents.stream().filter(PublicIncident::visible).map(PublicIncident::updatedAt),
                        maintenances.stream().map(PublicMaintenance::updatedAt))
                .flatMap(s -> s).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new PageView(components, retired, open, current, status, updatedAt);
    }

    private static ComponentView view(PublicComponent component, List<PublicIncident> open,
                                      List<PublicMaintenance> underWay) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        Instant updatedAt = component.updatedAt();
        for (PublicIncident incident : open) {
            ComponentStatus status = incident.components().get(component.id());
            if (status != null) {
                worst = worse(worst, status);
                updatedAt = later(updatedAt, incident.updatedAt());
            }
        }
        for (PublicMaintenance maintenance : underWay) {
            if (maintenance.affects(component.id())) {
                worst = worse(worst, ComponentStatus.UNDER_MAINTENANCE);
                updatedAt = later(updatedAt, maintenance.updatedAt());
            }
        }
        return new ComponentView(component, worst, updatedAt);
    }

    private static ComponentStatus worse(ComponentStatus a, ComponentStatus b) {
        return b.ordinal() > a.ordinal() ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
