package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.OTHER_COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;

import io.incidenttimeline.core.incident.command.ChangeImpact;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incident's public severity and its affected components, replaced as a whole. */
class ImpactChangeTest {

    private static final Instant NOW = Instant.parse("2024-07-05T13:40:00Z");
    private static final Map<String, ComponentStatus> PARTIAL = Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenMajorIncident_whenImpactRaisedToCritical_thenImpactChanged() {
        Map<String, ComponentStatus> components = Map.of(COMPONENT_ID, ComponentStatus.MAJOR_OUTAGE,
                OTHER_COMPONENT_ID, ComponentStatus.DEGRADED_PERFORMANCE);
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, Impact.CRITICAL, components, null, 1L))
                .expectEvents(new ImpactChanged(INCIDENT_ID, Impact.CRITICAL, components, NOW, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenMajorIncident_whenSameImpactAndComponentsGiven_thenNothingHappens() {
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, Impact.MAJOR, PARTIAL, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenMajorIncident_whenSameImpactButOtherComponentsGiven_thenImpactChanged() {
        Map<String, ComponentStatus> components = Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE,
                OTHER_COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE);
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, Impact.MAJOR, components, null, null))
                .expectEvents(new ImpactChanged(INCIDENT_ID, Impact.MAJOR, components, NOW, NOW));
    }

    @Test
    void givenMajorIncident_whenOtherImpactButSameComponentsGiven_thenImpactChanged() {
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, Impact.MINOR, PARTIAL, null, null))
                .expectEvents(new ImpactChanged(INCIDENT_ID, Impact.MINOR, PARTIAL, NOW, NOW));
    }

    @Test
    void givenResolvingUpdateMadeComponentOperational_whenThatStateGivenAsImpact_thenNothingHappens() {
        Instant later = Instant.parse("2024-07-05T14:00:00Z");
        ReferenceIncident.fixtureAt(later)
                .given(resolvedHistory())
                .when(new ChangeImpact(INCIDENT_ID, Impact.MAJOR, Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL),
                        null, null))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenChangedImpact_whenTheSameChangeGivenAgain_thenNothingHappens() {
        fixture.given(declared(), update1Posted(), new ImpactChanged(INCIDENT_ID, Impact.MINOR, Map.of(), NOW, NOW))
                .when(new ChangeImpact(INCIDENT_ID, Impact.MINOR, Map.of(), null, null))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactNamesUnknownComponent_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, Impact.MAJOR,
                        Map.of("talk-transcripts", ComponentStatus.PARTIAL_OUTAGE), null, null))
                .expectException(invalidInput("unknown-component", "components"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactChangedWithoutImpact_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, null, PARTIAL, null, null))
                .expectException(invalidInput("value-required", "impact"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactChangeClaimsToLieInTheFuture_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, Impact.CRITICAL, PARTIAL, NOW.plusSeconds(120), null))
                .expectException(invalidInput("time-in-future", "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactChangedWithoutComponents_thenRefusedRatherThanClearingThem() {
        fixture.given(declared(), update1Posted())
                .when(new ChangeImpact(INCIDENT_ID, Impact.CRITICAL, null, null, null))
                .expectException(invalidInput("value-required", "components"))
                .expectNoEvents();
    }
}
