package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.shared.ComponentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The whole public page at one moment: each component with the worst status an open incident gives it (else
 * operational), the open incidents, and the top-level status. One pure function, used for the live page and for time
 * travel alike.
 */
public record PageView(List<ComponentView> components, List<PublicIncident> unresolved, TopLevelStatus status,
                       Instant updatedAt) {

    public record ComponentView(PublicComponent component, ComponentStatus status, Instant updatedAt) {
    }

    public static final Comparator<PublicComponent> BY_POSITION = Comparator
            .comparing(PublicComponent::position, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PublicComponent::name).thenComparing(PublicComponent::id);

    public static PageView compose(Collection<PublicComponent> catalogue, Collection<PublicIncident> incidents) {
        List<PublicIncident> open = incidents.stream().filter(i -> i.visible() && !i.resolved())
                .sorted(Comparator.comparing(PublicIncident::declaredAt).reversed().thenComparing(PublicIncident::id))
                .toList();
        List<ComponentView> components = catalogue.stream().sorted(BY_POSITION)
                .map(component -> view(component, open)).toList();
        TopLevelStatus status = TopLevelStatus.of(components.stream().map(ComponentView::status).toList(),
                open.stream().map(PublicIncident::impact).toList());
        Instant updatedAt = Stream.concat(components.stream().map(ComponentView::updatedAt),
                        incidents.stream().filter(PublicIncident::visible).map(PublicIncident::updatedAt))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new PageView(components, open, status, updatedAt);
    }

    private static ComponentView view(PublicComponent component, List<PublicIncident> open) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        Instant updatedAt = component.updatedAt();
        for (PublicIncident incident : open) {
            ComponentStatus status = incident.components().get(component.id());
            if (status != null) {
                worst = status.ordinal() > worst.ordinal() ? status : worst;
                updatedAt = incident.updatedAt().isAfter(updatedAt) ? incident.updatedAt() : updatedAt;
            }
        }
        return new ComponentView(component, worst, updatedAt);
    }
}
