package io.incidenttimeline.projections.publicview;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceFold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageViewTest {

    private static final Instant T = Instant.parse("2024-07-05T13:31:00Z");

    private static PublicComponent component(String id, Integer position) {
        return PublicComponent.defined(new ComponentDefined(id, "Name " + id, null, position, null, T, T));
    }

    private static PublicIncident incident(String id, Impact impact, Map<String, ComponentStatus> components,
                                           IncidentStatus status, Visibility visibility) {
        return PublicIncidentFold.fold(List.of(
                new IncidentDeclared(id, "title", "en", impact, components, List.of(), T, T),
                new UpdatePosted(id, "u-" + id, status, "text", visibility, components, null, T.plusSeconds(60), T)));
    }

    @Test
    void eachComponentTakesTheWorstStatusOfTheOpenPublicIncidents() {
        var view = PageView.compose(List.of(component("b", 2), component("a", 1), component("c", null)), List.of(
                incident("i1", Impact.MINOR, Map.of("a", ComponentStatus.DEGRADED_PERFORMANCE), IncidentStatus.IDENTIFIED, Visibility.PUBLIC),
                incident("i2", Impact.MAJOR, Map.of("a", ComponentStatus.PARTIAL_OUTAGE), IncidentStatus.INVESTIGATING, Visibility.PUBLIC),
                incident("i3", Impact.CRITICAL, Map.of("b", ComponentStatus.MAJOR_OUTAGE), IncidentStatus.RESOLVED, Visibility.PUBLIC),
                incident("i4", Impact.CRITICAL, Map.of("c", ComponentStatus.MAJOR_OUTAGE), IncidentStatus.INVESTIGATING, Visibility.INTERNAL)));

        assertThat(view.components()).extracting(c -> c.component().id()).containsExactly("a", "b", "c");
        assertThat(view.components()).extracting(PageView.ComponentView::status)
                .containsExactly(ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL);
        assertThat(view.unresolved()).extracting(PublicIncident::id).containsExactlyInAnyOrder("i1", "i2");
        assertThat(view.status()).isEqualTo(new TopLevelStatus("major", "Partial System Outage"));
    }

    private static PublicMaintenance maintenance(String id, List<String> components, boolean started) {
        var scheduled = new MaintenanceScheduled(id, "u-" + id, "Maintenance " + id, "We maintain.", components,
                T.plusSeconds(3600), T.plusSeconds(7200), true, true, T, T);
        PublicMaintenance maintenance = PublicMaintenanceFold.fold(List.of(scheduled));
        return started ? PublicMaintenanceFold.apply(maintenance, new MaintenanceStarted(id, "s-" + id, "Started.",
                T.plusSeconds(3600), T.plusSeconds(3600))) : maintenance;
    }

    @Test
    void aMaintenanceUnderWayPutsItsComponentsUnderMaintenanceUnlessAnOpenIncidentSaysWorse() {
        PublicMaintenance underWay = maintenance("m1", List.of("a", "b"), true);
        PublicMaintenance upcoming = maintenance("m2", List.of("c"), false);
        var view = PageView.compose(List.of(component("a", 1), component("b", 2), component("c", 3)),
                List.of(incident("i1", Impact.MINOR, Map.of("b", ComponentStatus.DEGRADED_PERFORMANCE),
                        IncidentStatus.IDENTIFIED, Visibility.PUBLIC)),
                List.of(upcoming, underWay));

        assertThat(view.components()).extracting(PageView.ComponentView::status).containsExactly(
                ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL);
        assertThat(view.components().get(0).updatedAt()).isEqualTo(T.plusSeconds(3600));
        assertThat(view.maintenances()).extracting(PublicMaintenance::id).containsExactly("m1", "m2");
        assertThat(view.status()).isEqualTo(new TopLevelStatus("minor", "Partially Degraded Service"));
    }

    @Test
    void aMaintenanceUnderWayOnAnOtherwiseHealthyPageMakesThePageUnderMaintenance() {
        var view = PageView.compose(List.of(component("a", 1), component("b", 2)), List.of(),
                List.of(maintenance("m1", List.of("a"), true)));

        assertThat(view.components()).extracting(PageView.ComponentView::status)
                .containsExactly(ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.OPERATIONAL);
        assertThat(view.status()).isEqualTo(new TopLevelStatus("maintenance", "Service Under Maintenance"));
        assertThat(view.updatedAt()).isEqualTo(T.plusSeconds(3600));
    }

    @Test
    void anUpcomingOrEndedMaintenanceLeavesComponentsAloneAndEndedOnesAreNotListedButDateThePage() {
        PublicMaintenance ended = PublicMaintenanceFold.apply(maintenance("m3", List.of("a"), true),
                new MaintenanceCompleted("m3", "c-m3", "Done.", T.plusSeconds(5000), T.plusSeconds(5000)));
        var view = PageView.compose(List.of(component("a", 1)), List.of(),
                List.of(maintenance("m2", List.of("a"), false), ended));

        assertThat(view.components()).extracting(PageView.ComponentView::status)
                .containsExactly(ComponentStatus.OPERATIONAL);
        assertThat(view.maintenances()).extracting(PublicMaintenance::id).containsExactly("m2");
        assertThat(view.status()).isEqualTo(TopLevelStatus.OPERATIONAL);
        assertThat(view.updatedAt()).isEqualTo(T.plusSeconds(5000));
    }
}
