package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.OTHER_COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.declaration;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.incident.ReferenceIncident.update2;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A retired component may not be newly named by an incident, but an incident that named it may still report it. */
class RetiredComponentTest {

    /** Both reference components are defined; the reference one has been retired. */
    private static final ComponentCatalogue RETIRED_REFERENCE = new ComponentCatalogue() {
        @Override
        public boolean isDefined(String componentId) {
            return Set.of(COMPONENT_ID, OTHER_COMPONENT_ID).contains(componentId);
        }

        @Override
        public boolean isRetired(String componentId) {
            return COMPONENT_ID.equals(componentId);
        }
    };

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(UPDATE_1_AT.plusSeconds(600), ZoneOffset.UTC));
        fixture.registerInjectableResource(RETIRED_REFERENCE);
        fixture.registerInjectableResource(PromiseReminders.DEFAULT);
    }

    @Test
    void givenRetiredComponent_whenAnIncidentNamingItIsDeclared_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().build())
                .expectException(ruleViolation("component-retired", "components"))
                .expectNoEvents();
    }

    @Test
    void givenIncidentThatNamedTheComponentBeforeItsRetirement_whenAnUpdateReportsItOperational_thenPosted() {
        fixture.given(declared(), update1Posted())
                .when(update2().build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenIncidentWithoutTheRetiredComponent_whenAnUpdateNamesIt_thenRefused() {
        fixture.given(new IncidentDeclared(ReferenceIncident.INCIDENT_ID, ReferenceIncident.TITLE, "en", Impact.MINOR,
                        Map.of(OTHER_COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of(), UPDATE_1_AT, UPDATE_1_AT))
                .when(update2().build())
                .expectException(ruleViolation("component-retired", "components"))
                .expectNoEvents();
    }
}
