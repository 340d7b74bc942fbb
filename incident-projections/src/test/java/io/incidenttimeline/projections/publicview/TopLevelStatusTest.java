package io.incidenttimeline.projections.publicview;

import static io.incidenttimeline.core.shared.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.incidenttimeline.core.shared.ComponentStatus.MAJOR_OUTAGE;
import static io.incidenttimeline.core.shared.ComponentStatus.OPERATIONAL;
import static io.incidenttimeline.core.shared.ComponentStatus.PARTIAL_OUTAGE;
import static io.incidenttimeline.core.shared.ComponentStatus.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopLevelStatusTest {

    private static TopLevelStatus of(ComponentStatus... statuses) {
        return TopLevelStatus.of(List.of(statuses), List.of());
    }

    @Test
    void aSingleComponentMapsDirectly() {
        assertThat(of(OPERATIONAL)).isEqualTo(new TopLevelStatus("none", "All Systems Operational"));
        assertThat(of(UNDER_MAINTENANCE)).isEqualTo(new TopLevelStatus("maintenance", "Service Under Maintenance"));
        assertThat(of(DEGRADED_PERFORMANCE)).isEqualTo(new TopLevelStatus("minor", "Partially Degraded Service"));
        assertThat(of(PARTIAL_OUTAGE)).isEqualTo(new TopLevelStatus("major", "Partial System Outage"));
        assertThat(of(MAJOR_OUTAGE)).isEqualTo(new TopLevelStatus("critical", "Major System Outage"));
    }

    @Test
    void severalComponentsAreBlended() {
        assertThat(of(MAJOR_OUTAGE, MAJOR_OUTAGE)).isEqualTo(new TopLevelStatus("critical", "Major System Outage"));
        assertThat(of(MAJOR_OUTAGE, OPERATIONAL, OPERATIONAL)).isEqualTo(new TopLevelStatus("major", "Partial System Outage"));
        assertThat(of(PARTIAL_OUTAGE, PARTIAL_OUTAGE)).isEqualTo(new TopLevelStatus("major", "Partial System Outage"));
        assertThat(of(PARTIAL_OUTAGE, OPERATIONAL)).isEqualTo(new TopLevelStatus("minor", "Minor Service Outage"));
        assertThat(of(DEGRADED_PERFORMANCE, DEGRADED_PERFORMANCE)).isEqualTo(new TopLevelStatus("minor", "Degraded System Service"));
        assertThat(of(DEGRADED_PERFORMANCE, OPERATIONAL)).isEqualTo(new TopLevelStatus("minor", "Partially Degraded Service"));
        assertThat(of(UNDER_MAINTENANCE, OPERATIONAL)).isEqualTo(new TopLevelStatus("maintenance", "Service Under Maintenance"));
        assertThat(of(OPERATIONAL, OPERATIONAL)).isEqualTo(TopLevelStatus.OPERATIONAL);
        assertThat(of()).isEqualTo(TopLevelStatus.OPERATIONAL);
    }

    @Test
    void anOpenIncidentRaisesAnOtherwiseHealthierPage() {
        assertThat(TopLevelStatus.of(List.of(), List.of(Impact.MINOR))).isEqualTo(new TopLevelStatus("minor", "Minor Service Outage"));
        assertThat(TopLevelStatus.of(List.of(OPERATIONAL), List.of(Impact.CRITICAL)).indicator()).isEqualTo("critical");
        assertThat(TopLevelStatus.of(List.of(MAJOR_OUTAGE), List.of(Impact.MINOR)).indicator()).isEqualTo("critical");
        assertThat(TopLevelStatus.of(List.of(OPERATIONAL), List.of(Impact.NONE))).isEqualTo(TopLevelStatus.OPERATIONAL);
    }

    @Test
    void aMaintenanceUnderWayRaisesAnOperationalPageToMaintenanceButNoFurther() {
        assertThat(TopLevelStatus.of(List.of(OPERATIONAL, OPERATIONAL), List.of(), true))
                .isEqualTo(new TopLevelStatus("maintenance", "Service Under Maintenance"));
        assertThat(TopLevelStatus.of(List.of(), List.of(), true).indicator()).isEqualTo("maintenance");
        assertThat(TopLevelStatus.of(List.of(UNDER_MAINTENANCE, DEGRADED_PERFORMANCE), List.of(), true))
                .isEqualTo(new TopLevelStatus("minor", "Partially Degraded Service"));
        assertThat(TopLevelStatus.of(List.of(UNDER_MAINTENANCE), List.of(Impact.MAJOR), true).indicator())
                .isEqualTo("major");
        assertThat(TopLevelStatus.of(List.of(OPERATIONAL), List.of(Impact.NONE), false))
                .isEqualTo(TopLevelStatus.OPERATIONAL);
    }
}
