package io.incidenttimeline.core.maintenance;

import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.COMPONENT_ID;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.MAINTENANCE_ID;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.MESSAGE;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.OTHER_COMPONENT_ID;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.SCHEDULED_AT;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.SCHEDULE_UPDATE;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.TITLE;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.WINDOW_END;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.WINDOW_START;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.schedule;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.scheduled;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.maintenance.command.ScheduleMaintenance;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaintenanceSchedulingTest {

    private AggregateTestFixture<Maintenance> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceMaintenance.fixtureAt(SCHEDULED_AT);
    }

    private static ScheduleMaintenance scheduleWith(List<String> components, Instant from, Instant until,
                                                    Boolean autoStart, Boolean autoComplete) {
        return new ScheduleMaintenance(MAINTENANCE_ID, TITLE, MESSAGE, components, from, until, autoStart,
                autoComplete, SCHEDULE_UPDATE);
    }

    private static MaintenanceScheduled scheduledWith(List<String> components, Instant from, Instant until,
                                                      boolean autoStart, boolean autoComplete) {
        return new MaintenanceScheduled(MAINTENANCE_ID, SCHEDULE_UPDATE, TITLE, MESSAGE, components, from, until,
                autoStart, autoComplete, SCHEDULED_AT, SCHEDULED_AT);
    }

    @Test
    void givenNoMaintenance_whenScheduled_thenScheduledStartingAndCompletingOnItsOwnByDefault() {
        fixture.givenNoPriorActivity()
                .when(schedule())
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled())
                .expectResultMessagePayload(0L);
    }

    @Test
    void givenNoMaintenance_whenScheduledWithoutAutomaticTransitions_thenTheFlagsAreRecorded() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), WINDOW_START, WINDOW_END, false, false))
                .expectEvents(scheduledWith(List.of(COMPONENT_ID), WINDOW_START, WINDOW_END, false, false));
    }

    @Test
    void givenNoMaintenance_whenScheduledToStartOnlyOnItsOwn_thenOnlyAutoStartIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), WINDOW_START, WINDOW_END, true, false))
                .expectEvents(scheduledWith(List.of(COMPONENT_ID), WINDOW_START, WINDOW_END, true, false));
    }

    @Test
    void givenNoMaintenance_whenScheduledWithoutComponents_thenScheduledAffectingNone() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(null, WINDOW_START, WINDOW_END, null, null))
                .expectEvents(scheduledWith(List.of(), WINDOW_START, WINDOW_END, true, true));
    }

    @Test
    void givenNoMaintenance_whenAComponentIsNamedTwice_thenItIsRecordedOnceInTheOrderGiven() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(OTHER_COMPONENT_ID, COMPONENT_ID, OTHER_COMPONENT_ID), WINDOW_START,
                        WINDOW_END, null, null))
                .expectEvents(scheduledWith(List.of(OTHER_COMPONENT_ID, COMPONENT_ID), WINDOW_START, WINDOW_END, true,
                        true));
    }

    @Test
    void givenNoMaintenance_whenTheWindowStartsWithinTheToleranceInThePast_thenScheduled() {
        Instant from = SCHEDULED_AT.minus(MaintenanceWindow.PAST_TOLERANCE);
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), from, WINDOW_END, null, null))
                .expectEvents(scheduledWith(List.of(COMPONENT_ID), from, WINDOW_END, true, true));
    }

    @Test
    void givenNoMaintenance_whenTheWindowStartsBeyondTheToleranceInThePast_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), SCHEDULED_AT.minus(MaintenanceWindow.PAST_TOLERANCE)
                        .minusSeconds(1), WINDOW_END, null, null))
                .expectException(invalidInput("maintenance-window-in-past", "scheduledFor"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheWholeWindowLiesInThePast_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), Instant.parse("2024-07-05T10:54:00Z"),
                        Instant.parse("2024-07-05T13:36:00Z"), null, null))
                .expectException(invalidInput("maintenance-window-in-past", "scheduledFor"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheWindowEndsBeforeItStarts_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), WINDOW_END, WINDOW_START, null, null))
                .expectException(invalidInput("maintenance-window-inverted", "scheduledUntil"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheWindowEndsWhenItStarts_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), WINDOW_START, WINDOW_START, null, null))
                .expectException(invalidInput("maintenance-window-inverted", "scheduledUntil"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheWindowIsLongerThanAMonth_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), WINDOW_START,
                        WINDOW_START.plus(MaintenanceWindow.MAX_LENGTH).plusSeconds(1), null, null))
                .expectException(invalidInput("maintenance-window-out-of-range", "scheduledUntil"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheWindowIsExactlyTheLongestAllowed_thenScheduled() {
        Instant until = WINDOW_START.plus(MaintenanceWindow.MAX_LENGTH);
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), WINDOW_START, until, null, null))
                .expectEvents(scheduledWith(List.of(COMPONENT_ID), WINDOW_START, until, true, true));
    }

    @Test
    void givenNoMaintenance_whenTheWindowStartsMoreThanAYearAhead_thenRefused() {
        Instant from = SCHEDULED_AT.plus(MaintenanceWindow.MAX_AHEAD).plusSeconds(1);
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), from, from.plus(Duration.ofHours(2)), null, null))
                .expectException(invalidInput("maintenance-window-out-of-range", "scheduledFor"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheStartIsMissing_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), null, WINDOW_END, null, null))
                .expectException(invalidInput("value-required", "scheduledFor"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheEndIsMissing_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID), WINDOW_START, null, null, null))
                .expectException(invalidInput("value-required", "scheduledUntil"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenAnUnknownComponentIsNamed_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(List.of(COMPONENT_ID, "talk-fax"), WINDOW_START, WINDOW_END, null, null))
                .expectException(invalidInput("unknown-component", "components[1]"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenANullComponentIsNamed_thenRefusedNamingTheElement() {
        fixture.givenNoPriorActivity()
                .when(scheduleWith(Arrays.asList(COMPONENT_ID, null), WINDOW_START, WINDOW_END, null, null))
                .expectException(invalidInput("value-required", "components[1]"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void givenNoMaintenance_whenTheTitleIsBlank_thenRefused(String title) {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMaintenance(MAINTENANCE_ID, title, MESSAGE, List.of(), WINDOW_START, WINDOW_END,
                        null, null, SCHEDULE_UPDATE))
                .expectException(invalidInput("text-required", "title"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheTitleIsTooLong_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMaintenance(MAINTENANCE_ID, "t".repeat(201), MESSAGE, List.of(), WINDOW_START,
                        WINDOW_END, null, null, SCHEDULE_UPDATE))
                .expectException(invalidInput("text-too-long", "title"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheMessageIsMissing_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMaintenance(MAINTENANCE_ID, TITLE, null, List.of(), WINDOW_START, WINDOW_END, null,
                        null, SCHEDULE_UPDATE))
                .expectException(invalidInput("text-required", "message"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheMessageHasControlCharacters_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMaintenance(MAINTENANCE_ID, TITLE, "bell\u0007", List.of(), WINDOW_START,
                        WINDOW_END, null, null, SCHEDULE_UPDATE))
                .expectException(invalidInput("text-control-characters", "message"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"talk storage", "-leading-dash", "maintenance:x"})
    void givenNoMaintenance_whenTheIdIsMalformed_thenRefused(String id) {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMaintenance(id, TITLE, MESSAGE, List.of(), WINDOW_START, WINDOW_END, null, null,
                        SCHEDULE_UPDATE))
                .expectException(invalidInput("invalid-id", "id"))
                .expectNoEvents();
    }

    @Test
    void givenNoMaintenance_whenTheUpdateIdIsMalformed_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMaintenance(MAINTENANCE_ID, TITLE, MESSAGE, List.of(), WINDOW_START, WINDOW_END,
                        null, null, "update 1"))
                .expectException(invalidInput("invalid-id", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenScheduledMaintenance_whenScheduledAgain_thenRefused() {
        fixture.given(scheduled())
                .when(schedule())
                .expectException(ruleViolation("maintenance-already-scheduled", "id"))
                .expectNoEvents();
    }

    @Test
    void givenMaintenanceId_whenScheduleIsRouted_thenItTargetsTheStreamMaintenanceColonId() {
        assertThat(schedule().aggregateId()).isEqualTo("maintenance:" + MAINTENANCE_ID);
        assertThat(MaintenanceIds.isMaintenanceStream(schedule().aggregateId())).isTrue();
        assertThat(MaintenanceIds.maintenanceId(schedule().aggregateId())).isEqualTo(MAINTENANCE_ID);
        assertThat(MaintenanceIds.isMaintenanceStream("talk-call-recordings-2024-07-05")).isFalse();
    }
}
