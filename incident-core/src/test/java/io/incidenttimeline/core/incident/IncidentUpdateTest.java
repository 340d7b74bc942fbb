package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2_MESSAGE;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedByUpdate2;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.incident.ReferenceIncident.update2;
import static io.incidenttimeline.core.incident.ReferenceIncident.update2Posted;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentUpdateTest {

    /** The clock reads 13:52, when the reference incident's resolving update was posted. */
    private static final Instant NOW = UPDATE_2_AT;
    private static final Map<String, ComponentStatus> RECOVERING = Map.of(COMPONENT_ID, ComponentStatus.DEGRADED_PERFORMANCE);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"INVESTIGATING", "IDENTIFIED", "MONITORING"})
    void givenOpenIncident_whenNonResolvingUpdatePosted_thenOnlyUpdatePosted(IncidentStatus status) {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> {
                    u.status = status;
                    u.components = RECOVERING;
                }).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, UPDATE_2, status, UPDATE_2_MESSAGE, Visibility.PUBLIC,
                        RECOVERING, null, NOW, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenOpenIncident_whenResolvingUpdatePosted_thenUpdatePostedAndIncidentResolved() {
        fixture.given(declared(), update1Posted())
                .when(update2().build())
                .expectEvents(update2Posted(), resolvedByUpdate2())
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenResolvedIncident_whenAnotherResolvedUpdatePosted_thenNotResolvedAgain() {
        Instant later = Instant.parse("2024-07-05T15:00:00Z");
        ReferenceIncident.fixtureAt(later)
                .given(resolvedHistory())
                .when(update2().with(u -> {
                    u.updateId = "update-3";
                    u.message = "All recordings have been restored.";
                    u.components = null;
                }).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.RESOLVED,
                        "All recordings have been restored.", Visibility.PUBLIC, Map.of(), null, later, later))
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenResolvedIncident_whenNonResolvedUpdatePosted_thenReopenedBeforeUpdatePosted() {
        Instant later = Instant.parse("2024-07-05T15:00:00Z");
        ReferenceIncident.fixtureAt(later)
                .given(resolvedHistory())
                .when(update2().with(u -> {
                    u.updateId = "update-3";
                    u.status = IncidentStatus.INVESTIGATING;
                    u.message = "Some recordings are still missing; we are investigating.";
                    u.components = Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE);
                }).build())
                .expectEvents(new IncidentReopened(INCIDENT_ID, "update-3", later, later),
                        new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.INVESTIGATING,
                                "Some recordings are still missing; we are investigating.", Visibility.PUBLIC,
                                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), null, later, later))
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenReopenedIncident_whenResolvingUpdatePosted_thenResolvedAgain() {
        Instant reopenedAt = Instant.parse("2024-07-05T15:00:00Z");
        Instant later = Instant.parse("2024-07-05T16:00:00Z");
        ReferenceIncident.fixtureAt(later)
                .given(resolvedHistory())
                .andGiven(new IncidentReopened(INCIDENT_ID, "update-3", reopenedAt, reopenedAt),
                        new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.INVESTIGATING, "Still missing.",
                                Visibility.PUBLIC, Map.of(), null, reopenedAt, reopenedAt))
                .when(update2().with(u -> {
                    u.updateId = "update-4";
                    u.message = "All recordings have been restored.";
                    u.components = null;
                }).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, "update-4", IncidentStatus.RESOLVED,
                                "All recordings have been restored.", Visibility.PUBLIC, Map.of(), null, later, later),
                        new IncidentResolved(INCIDENT_ID, "update-4", later, later))
                .expectResultMessagePayload(7L);
    }

    @Test
    void givenIncidentWithUpdate_whenUpdateWithSameIdPosted_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.updateId = UPDATE_1).build())
                .expectException(ruleViolation("update-id-taken", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenUpdateWithMalformedIdPosted_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.updateId = "update 2").build())
                .expectException(invalidInput("invalid-id", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenUpdateWithoutStatusPosted_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.status = null).build())
                .expectException(invalidInput("value-required", "status"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenUpdateWithoutVisibilityPosted_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.visibility = null).build())
                .expectException(invalidInput("value-required", "visibility"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenInternalUpdatePosted_thenUpdatePostedAsInternal() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> {
                    u.status = IncidentStatus.IDENTIFIED;
                    u.visibility = Visibility.INTERNAL;
                    u.message = "Rollback of config change 4711 started by the storage team.";
                    u.components = null;
                }).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.IDENTIFIED,
                        "Rollback of config change 4711 started by the storage team.", Visibility.INTERNAL, Map.of(),
                        null, NOW, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void givenOpenIncident_whenUpdateWithBlankMessagePosted_thenRefused(String message) {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.message = message).build())
                .expectException(invalidInput("text-required", "message"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenUpdateWithMessageOf10001CodePointsPosted_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.message = "\uD83D\uDCDE".repeat(10_001)).build())
                .expectException(invalidInput("text-too-long", "message"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenUpdateWithMessageOf10000CodePointsPosted_thenPosted() {
        String message = "\uD83D\uDCDE".repeat(10_000);
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.message = message).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.RESOLVED, message,
                        Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL), null, NOW, NOW),
                        resolvedByUpdate2());
    }

    @Test
    void givenOpenIncident_whenUpdateWithControlCharacterPosted_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.message = "Rolled back.\u0008").build())
                .expectException(invalidInput("text-control-characters", "message"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenUpdateNamesUnknownComponent_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.components = Map.of("talk-transcripts", ComponentStatus.OPERATIONAL))
                        .build())
                .expectException(invalidInput("unknown-component", "components"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenUpdateWithoutOccurredAtPosted_thenItOccurredAtTheClocksTime() {
        Instant later = Instant.parse("2024-07-05T14:05:00Z");
        ReferenceIncident.fixtureAt(later)
                .given(declared(), update1Posted())
                .when(update2().build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.RESOLVED, UPDATE_2_MESSAGE,
                                Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL), null, later,
                                later),
                        new IncidentResolved(INCIDENT_ID, UPDATE_2, later, later));
    }

    @Test
    void givenOpenIncident_whenUpdateBackfilledToEarlierTime_thenOccurredThenButRecordedNow() {
        Instant later = Instant.parse("2024-07-05T18:00:00Z");
        ReferenceIncident.fixtureAt(later)
                .given(declared(), update1Posted())
                .when(update2().with(u -> u.occurredAt = UPDATE_2_AT).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.RESOLVED, UPDATE_2_MESSAGE,
                                Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL), null,
                                UPDATE_2_AT, later),
                        new IncidentResolved(INCIDENT_ID, UPDATE_2, UPDATE_2_AT, later));
    }

    @Test
    void givenOpenIncident_whenUpdateOccurs59SecondsAhead_thenAcceptedAsClockSkew() {
        Instant ahead = NOW.plusSeconds(59);
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.occurredAt = ahead).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.RESOLVED, UPDATE_2_MESSAGE,
                                Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL), null, ahead, NOW),
                        new IncidentResolved(INCIDENT_ID, UPDATE_2, ahead, NOW));
    }

    @Test
    void givenOpenIncident_whenUpdateOccursTwoMinutesAhead_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.occurredAt = NOW.plus(Duration.ofMinutes(2))).build())
                .expectException(invalidInput("time-in-future", "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenIncidentDeclaredAt1331_whenUpdateOccurredBefore1331_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.occurredAt = UPDATE_1_AT.minusSeconds(1)).build())
                .expectException(invalidInput("occurred-before-incident", "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenIncidentDeclaredAt1331_whenUpdateOccurredAt1331_thenPosted() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> {
                    u.status = IncidentStatus.IDENTIFIED;
                    u.components = null;
                    u.occurredAt = UPDATE_1_AT;
                }).build())
                .expectEvents(new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.IDENTIFIED, UPDATE_2_MESSAGE,
                        Visibility.PUBLIC, Map.of(), null, UPDATE_1_AT, NOW));
    }

    @Test
    void givenOpenIncident_whenUpdateAt1331PromisesNextUpdateIn30Minutes_thenNextUpdateDueAt1401() {
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> {
                    u.occurredAt = UPDATE_1_AT;
                    u.nextUpdateInMinutes = 30;
                }))
                .expectEvents(identifiedUpdatePosted(UPDATE_1_AT, Instant.parse("2024-07-05T14:01:00Z")));
    }

    @Test
    void givenOpenIncident_whenUpdatePromisesNextUpdateAtAGivenTime_thenThatTimeIsKept() {
        Instant dueAt = Instant.parse("2024-07-05T14:30:00Z");
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> u.nextUpdateDueAt = dueAt))
                .expectEvents(identifiedUpdatePosted(NOW, dueAt));
    }

    @Test
    void givenOpenIncident_whenNextUpdatePromisedExactly24HoursAhead_thenAccepted() {
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> u.nextUpdateDueAt = NOW.plus(Duration.ofHours(24))))
                .expectEvents(identifiedUpdatePosted(NOW, NOW.plus(Duration.ofHours(24))));
    }

    @Test
    void givenOpenIncident_whenNextUpdatePromisedMoreThan24HoursAhead_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> u.nextUpdateDueAt = NOW.plus(Duration.ofHours(24)).plusSeconds(1)))
                .expectException(invalidInput("next-update-out-of-range", "nextUpdateDueAt"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -60})
    void givenOpenIncident_whenNextUpdatePromisedNotAfterTheUpdate_thenRefused(long secondsAfterUpdate) {
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> u.nextUpdateDueAt = NOW.plusSeconds(secondsAfterUpdate)))
                .expectException(invalidInput("next-update-out-of-range", "nextUpdateDueAt"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenNextUpdatePromisedIn1440Minutes_thenAccepted() {
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> u.nextUpdateInMinutes = 1440))
                .expectEvents(identifiedUpdatePosted(NOW, NOW.plus(Duration.ofHours(24))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 1441})
    void givenOpenIncident_whenNextUpdatePromisedInMinutesOutOfRange_thenRefused(int minutes) {
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> u.nextUpdateInMinutes = minutes))
                .expectException(invalidInput("next-update-out-of-range", "nextUpdateInMinutes"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenNextUpdatePromisedBothAsTimeAndInMinutes_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(identifiedUpdate(u -> {
                    u.nextUpdateDueAt = NOW.plus(Duration.ofMinutes(30));
                    u.nextUpdateInMinutes = 30;
                }))
                .expectException(invalidInput("next-update-ambiguous", "nextUpdateDueAt"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenResolvingUpdatePromisesNextUpdateInMinutes_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.nextUpdateInMinutes = 30).build())
                .expectException(invalidInput("next-update-after-resolution", "nextUpdateInMinutes"))
                .expectNoEvents();
    }

    @Test
    void givenOpenIncident_whenResolvingUpdatePromisesNextUpdateAtATime_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(update2().with(u -> u.nextUpdateDueAt = NOW.plus(Duration.ofMinutes(30))).build())
                .expectException(invalidInput("next-update-after-resolution", "nextUpdateDueAt"))
                .expectNoEvents();
    }

    private static io.incidenttimeline.core.incident.command.PostUpdate identifiedUpdate(
            java.util.function.Consumer<ReferenceIncident.Update> change) {
        return update2().with(u -> {
            u.status = IncidentStatus.IDENTIFIED;
            u.components = null;
        }).with(change).build();
    }

    private static UpdatePosted identifiedUpdatePosted(Instant occurredAt, Instant nextUpdateDueAt) {
        return new UpdatePosted(INCIDENT_ID, UPDATE_2, IncidentStatus.IDENTIFIED, UPDATE_2_MESSAGE, Visibility.PUBLIC,
                Map.of(), nextUpdateDueAt, occurredAt, NOW);
    }
}
