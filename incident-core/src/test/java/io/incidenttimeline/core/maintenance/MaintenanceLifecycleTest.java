package io.incidenttimeline.core.maintenance;

import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.MAINTENANCE_ID;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.SCHEDULE_UPDATE;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.WINDOW_START;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.scheduled;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.started;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.maintenance.command.CancelMaintenance;
import io.incidenttimeline.core.maintenance.command.CompleteMaintenance;
import io.incidenttimeline.core.maintenance.command.PostMaintenanceUpdate;
import io.incidenttimeline.core.maintenance.command.StartMaintenance;
import io.incidenttimeline.core.maintenance.event.MaintenanceCancelled;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start, update, complete and cancel, each rule accepted and refused. The clock reads ten minutes into the window. */
class MaintenanceLifecycleTest {

    private static final Instant NOW = WINDOW_START.plusSeconds(600);
    private static final String PROGRESS = "Half of the recordings have been moved.";

    private AggregateTestFixture<Maintenance> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceMaintenance.fixtureAt(NOW);
    }

    private static MaintenanceCompleted completed() {
        return new MaintenanceCompleted(MAINTENANCE_ID, "update-completed", Maintenance.COMPLETED_MESSAGE, NOW, NOW);
    }

    private static MaintenanceCancelled cancelled() {
        return new MaintenanceCancelled(MAINTENANCE_ID, "update-cancelled", Maintenance.CANCELLED_MESSAGE, NOW, NOW);
    }

    // start

    @Test
    void givenScheduledMaintenance_whenStarted_thenStartedWithTheUsualMessage() {
        fixture.given(scheduled())
                .when(new StartMaintenance(MAINTENANCE_ID, "update-started", null, null))
                .expectEvents(new MaintenanceStarted(MAINTENANCE_ID, "update-started",
                        "Scheduled maintenance is currently in progress. We will provide updates as necessary.", NOW,
                        NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenScheduledMaintenance_whenStartedWithAMessage_thenStartedWithIt() {
        fixture.given(scheduled())
                .when(new StartMaintenance(MAINTENANCE_ID, "update-started", "Moving recordings now.", null))
                .expectEvents(new MaintenanceStarted(MAINTENANCE_ID, "update-started", "Moving recordings now.", NOW,
                        NOW));
    }

    @Test
    void givenStartedMaintenance_whenStartedAgain_thenNothingHappensAndTheVersionIsKept() {
        fixture.given(scheduled(), started())
                .when(new StartMaintenance(MAINTENANCE_ID, "update-started-again", null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenCompletedMaintenance_whenStarted_thenRefused() {
        fixture.given(scheduled(), started(), completed())
                .when(new StartMaintenance(MAINTENANCE_ID, "update-restarted", null, null))
                .expectException(ruleViolation("maintenance-ended", "status"))
                .expectNoEvents();
    }

    @Test
    void givenCancelledMaintenance_whenStarted_thenRefused() {
        fixture.given(scheduled(), cancelled())
                .when(new StartMaintenance(MAINTENANCE_ID, "update-started", null, null))
                .expectException(ruleViolation("maintenance-ended", "status"))
                .expectNoEvents();
    }

    @Test
    void givenScheduledMaintenance_whenStartedWithABlankMessage_thenRefused() {
        fixture.given(scheduled())
                .when(new StartMaintenance(MAINTENANCE_ID, "update-started", " ", null))
                .expectException(invalidInput("text-required", "message"))
                .expectNoEvents();
    }

    @Test
    void givenScheduledMaintenance_whenStartedUnderTheIdOfAnEarlierUpdate_thenRefused() {
        fixture.given(scheduled())
                .when(new StartMaintenance(MAINTENANCE_ID, SCHEDULE_UPDATE, null, null))
                .expectException(ruleViolation("update-id-taken", "updateId"))
                .expectNoEvents();
    }

    // update

    @Test
    void givenScheduledMaintenance_whenUpdated_thenTheUpdateIsPostedAsScheduled() {
        fixture.given(scheduled())
                .when(new PostMaintenanceUpdate(MAINTENANCE_ID, "update-reminder", "Reminder: tonight at 22:00 UTC.",
                        null))
                .expectEvents(new MaintenanceUpdatePosted(MAINTENANCE_ID, "update-reminder",
                        MaintenanceStatus.SCHEDULED, "Reminder: tonight at 22:00 UTC.", NOW, NOW));
    }

    @Test
    void givenStartedMaintenance_whenUpdated_thenTheUpdateIsPostedInProgress() {
        fixture.given(scheduled(), started())
                .when(new PostMaintenanceUpdate(MAINTENANCE_ID, "update-progress", PROGRESS, null))
                .expectEvents(new MaintenanceUpdatePosted(MAINTENANCE_ID, "update-progress",
                        MaintenanceStatus.IN_PROGRESS, PROGRESS, NOW, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenStartedMaintenance_whenUpdatedWithoutAMessage_thenRefused() {
        fixture.given(scheduled(), started())
                .when(new PostMaintenanceUpdate(MAINTENANCE_ID, "update-progress", null, null))
                .expectException(invalidInput("text-required", "message"))
                .expectNoEvents();
    }

    @Test
    void givenStartedMaintenance_whenUpdatedWithATooLongMessage_thenRefused() {
        fixture.given(scheduled(), started())
                .when(new PostMaintenanceUpdate(MAINTENANCE_ID, "update-progress", "m".repeat(10_001), null))
                .expectException(invalidInput("text-too-long", "message"))
                .expectNoEvents();
    }

    @Test
    void givenStartedMaintenance_whenUpdatedUnderATakenId_thenRefused() {
        fixture.given(scheduled(), started())
                .when(new PostMaintenanceUpdate(MAINTENANCE_ID, "update-started", PROGRESS, null))
                .expectException(ruleViolation("update-id-taken", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenCompletedMaintenance_whenUpdated_thenRefused() {
        fixture.given(scheduled(), started(), completed())
                .when(new PostMaintenanceUpdate(MAINTENANCE_ID, "update-late", PROGRESS, null))
                .expectException(ruleViolation("maintenance-ended", "status"))
                .expectNoEvents();
    }

    @Test
    void givenCancelledMaintenance_whenUpdated_thenRefused() {
        fixture.given(scheduled(), cancelled())
                .when(new PostMaintenanceUpdate(MAINTENANCE_ID, "update-late", PROGRESS, null))
                .expectException(ruleViolation("maintenance-ended", "status"))
                .expectNoEvents();
    }

    // complete

    @Test
    void givenStartedMaintenance_whenCompleted_thenCompletedWithTheUsualMessage() {
        fixture.given(scheduled(), started())
                .when(new CompleteMaintenance(MAINTENANCE_ID, "update-completed", null, null))
                .expectEvents(new MaintenanceCompleted(MAINTENANCE_ID, "update-completed",
                        "The scheduled maintenance has been completed.", NOW, NOW));
    }

    @Test
    void givenStartedMaintenance_whenCompletedWithAMessage_thenCompletedWithIt() {
        fixture.given(scheduled(), started())
                .when(new CompleteMaintenance(MAINTENANCE_ID, "update-completed", "All recordings moved.", null))
                .expectEvents(new MaintenanceCompleted(MAINTENANCE_ID, "update-completed", "All recordings moved.",
                        NOW, NOW));
    }

    @Test
    void givenCompletedMaintenance_whenCompletedAgain_thenNothingHappens() {
        fixture.given(scheduled(), started(), completed())
                .when(new CompleteMaintenance(MAINTENANCE_ID, "update-completed-again", null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenScheduledMaintenance_whenCompleted_thenRefusedAsNotStarted() {
        fixture.given(scheduled())
                .when(new CompleteMaintenance(MAINTENANCE_ID, "update-completed", null, null))
                .expectException(ruleViolation("maintenance-not-started", "status"))
                .expectNoEvents();
    }

    @Test
    void givenCancelledMaintenance_whenCompleted_thenRefused() {
        fixture.given(scheduled(), cancelled())
                .when(new CompleteMaintenance(MAINTENANCE_ID, "update-completed", null, null))
                .expectException(ruleViolation("maintenance-ended", "status"))
                .expectNoEvents();
    }

    @Test
    void givenStartedMaintenance_whenCompletedWithAMalformedUpdateId_thenRefused() {
        fixture.given(scheduled(), started())
                .when(new CompleteMaintenance(MAINTENANCE_ID, null, null, null))
                .expectException(invalidInput("invalid-id", "updateId"))
                .expectNoEvents();
    }

    // cancel

    @Test
    void givenScheduledMaintenance_whenCancelled_thenCancelledWithTheUsualMessage() {
        fixture.given(scheduled())
                .when(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled", null, null))
                .expectEvents(new MaintenanceCancelled(MAINTENANCE_ID, "update-cancelled",
                        "The scheduled maintenance has been cancelled.", NOW, NOW));
    }

    @Test
    void givenScheduledMaintenance_whenCancelledWithAMessage_thenCancelledWithIt() {
        fixture.given(scheduled())
                .when(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled", "Postponed to August.", null))
                .expectEvents(new MaintenanceCancelled(MAINTENANCE_ID, "update-cancelled", "Postponed to August.",
                        NOW, NOW));
    }

    @Test
    void givenCancelledMaintenance_whenCancelledAgain_thenNothingHappens() {
        fixture.given(scheduled(), cancelled())
                .when(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled-again", null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenStartedMaintenance_whenCancelled_thenRefusedAsAlreadyStarted() {
        fixture.given(scheduled(), started())
                .when(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled", null, null))
                .expectException(ruleViolation("maintenance-already-started", "status"))
                .expectNoEvents();
    }

    @Test
    void givenCompletedMaintenance_whenCancelled_thenRefused() {
        fixture.given(scheduled(), started(), completed())
                .when(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled", null, null))
                .expectException(ruleViolation("maintenance-ended", "status"))
                .expectNoEvents();
    }

    @Test
    void givenScheduledMaintenance_whenCancelledWithControlCharactersInTheMessage_thenRefused() {
        fixture.given(scheduled())
                .when(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled", "off\u0000", null))
                .expectException(invalidInput("text-control-characters", "message"))
                .expectNoEvents();
    }

    // the whole life

    @Test
    void givenAMaintenanceStartedUpdatedAndCompleted_whenReplayed_thenItIsCompletedAndRefusesToStartAgain() {
        fixture.given(scheduled(), started(),
                        new MaintenanceUpdatePosted(MAINTENANCE_ID, "update-progress", MaintenanceStatus.IN_PROGRESS,
                                PROGRESS, NOW, NOW),
                        completed())
                .when(new StartMaintenance(MAINTENANCE_ID, "update-again", null, null))
                .expectException(ruleViolation("maintenance-ended", "status"));
    }
}
