package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;

import io.incidenttimeline.core.incident.command.AssignRole;
import io.incidenttimeline.core.incident.command.ReleaseRole;
import io.incidenttimeline.core.incident.event.RoleAssigned;
import io.incidenttimeline.core.incident.event.RoleReleased;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The people of an incident: roles are assigned, handed over and released, each change an event. */
class IncidentRoleTest {

    private static final Instant NOW = Instant.parse("2024-07-05T13:40:00Z");
    private static final String DANA = "Dana Reyes";
    private static final String SAM = "Sam Okafor";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenOpenIncident_whenLeadAssigned_thenRoleAssignedWithoutPreviousHolder() {
        fixture.given(declared(), update1Posted())
                .when(new AssignRole(INCIDENT_ID, "lead", DANA, "on call this week", null, 1L))
                .expectEvents(new RoleAssigned(INCIDENT_ID, "lead", DANA, null, "on call this week", NOW, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenCommunicationsHeld_whenAssignedToSomeoneElse_thenHandedOverNamingThePreviousHolder() {
        fixture.given(declared(), update1Posted(), assigned("communications", DANA, null))
                .when(new AssignRole(INCIDENT_ID, "communications", SAM, "shift change", null, null))
                .expectEvents(new RoleAssigned(INCIDENT_ID, "communications", SAM, DANA, "shift change", NOW, NOW));
    }

    @Test
    void givenLeadHeld_whenAssignedToTheSameHolderAgain_thenNothingChanges() {
        fixture.given(declared(), update1Posted(), assigned("lead", DANA, null))
                .when(new AssignRole(INCIDENT_ID, "lead", "  " + DANA + " ", null, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenIncident_whenUnknownRoleAssigned_thenRefusedNamingTheRole() {
        fixture.given(declared(), update1Posted())
                .when(new AssignRole(INCIDENT_ID, "scribe", DANA, null, null, null))
                .expectException(invalidInput("unknown-role", "role"))
                .expectNoEvents();
    }

    @Test
    void givenConfiguredExtraRole_whenItIsAssigned_thenRoleAssigned() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new IncidentRoles(List.of("lead", "communications", "scribe")));
        fixture.registerInjectableResource(PromiseReminders.DEFAULT);
        fixture.given(declared(), update1Posted())
                .when(new AssignRole(INCIDENT_ID, "scribe", DANA, null, null, null))
                .expectEvents(new RoleAssigned(INCIDENT_ID, "scribe", DANA, null, null, NOW, NOW));
    }

    @Test
    void givenIncident_whenRoleAssignedToBlankHolder_thenRefusedNamingTheHolder() {
        fixture.given(declared(), update1Posted())
                .when(new AssignRole(INCIDENT_ID, "lead", "  ", null, null, null))
                .expectException(invalidInput("text-required", "holder"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenRoleAssignedToNoHolder_thenRefusedNamingTheHolder() {
        fixture.given(declared(), update1Posted())
                .when(new AssignRole(INCIDENT_ID, "lead", null, null, null, null))
                .expectException(invalidInput("text-required", "holder"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenRoleAssignedToAnEmailAddress_thenRefusedAsNotAName() {
        fixture.given(declared(), update1Posted())
                .when(new AssignRole(INCIDENT_ID, "lead", "dana@example.com", null, null, null))
                .expectException(invalidInput("holder-not-a-name", "holder"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenRoleAssignedToAHolderOnTwoLines_thenRefusedAsNotAName() {
        fixture.given(declared(), update1Posted())
                .when(new AssignRole(INCIDENT_ID, "lead", "Dana\nReyes", null, null, null))
                .expectException(invalidInput("holder-not-a-name", "holder"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenLeadAssigned_thenRoleAssigned_forThePostMortemStillToCome() {
        List<Object> history = new ArrayList<>(resolvedHistory());
        fixture.given(history)
                .when(new AssignRole(INCIDENT_ID, "lead", DANA, "owns the post-mortem", null, null))
                .expectEvents(new RoleAssigned(INCIDENT_ID, "lead", DANA, null, "owns the post-mortem", NOW, NOW));
    }

    @Test
    void givenLeadHeld_whenReleased_thenRoleReleasedNamingThePreviousHolder() {
        fixture.given(declared(), update1Posted(), assigned("lead", DANA, null))
                .when(new ReleaseRole(INCIDENT_ID, "lead", "off shift", null, 2L))
                .expectEvents(new RoleReleased(INCIDENT_ID, "lead", DANA, "off shift", NOW, NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenRoleNobodyHolds_whenReleased_thenNothingChanges() {
        fixture.given(declared(), update1Posted(), assigned("lead", DANA, null),
                        new RoleReleased(INCIDENT_ID, "lead", DANA, null, NOW, NOW))
                .when(new ReleaseRole(INCIDENT_ID, "lead", null, null, null))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenUnknownRoleReleased_thenRefusedNamingTheRole() {
        fixture.given(declared(), update1Posted())
                .when(new ReleaseRole(INCIDENT_ID, "Lead\u0000", null, null, null))
                .expectException(invalidInput("unknown-role", "role"))
                .expectNoEvents();
    }

    private static RoleAssigned assigned(String role, String holder, String previous) {
        return new RoleAssigned(INCIDENT_ID, role, holder, previous, null, NOW, NOW);
    }
}
