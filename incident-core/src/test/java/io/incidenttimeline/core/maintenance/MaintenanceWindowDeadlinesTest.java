package io.incidenttimeline.core.maintenance;

import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.MAINTENANCE_ID;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.SCHEDULED_AT;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.WINDOW_END;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.WINDOW_START;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.schedule;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import io.incidenttimeline.core.maintenance.command.CancelMaintenance;
import io.incidenttimeline.core.maintenance.command.CompleteMaintenance;
import io.incidenttimeline.core.maintenance.command.ScheduleMaintenance;
import io.incidenttimeline.core.maintenance.command.StartMaintenance;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting and completing on their own: deadlines at the window's edges, taken unless the maintenance moved on. The
 * fixture's time begins when the maintenance is announced; the events' clock stands still there.
 */
class MaintenanceWindowDeadlinesTest {

    private AggregateTestFixture<Maintenance> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceMaintenance.fixtureAt(SCHEDULED_AT);
    }

    private static StartMaintenance startByHand() {
        return new StartMaintenance(MAINTENANCE_ID, "update-started", null, null);
    }

    @Test
    void givenNothing_whenScheduled_thenItsStartIsDueAtTheWindowsStart() {
        fixture.givenCurrentTime(SCHEDULED_AT)
                .when(schedule())
                .expectScheduledDeadlineWithName(WINDOW_START, Maintenance.WINDOW_STARTS)
                .expectNoScheduledDeadlineWithName(WINDOW_END, Maintenance.WINDOW_ENDS);
    }

    @Test
    void givenNothing_whenScheduledToStartByHand_thenNothingIsDue() {
        ScheduleMaintenance byHand = schedule();
        fixture.givenCurrentTime(SCHEDULED_AT)
                .when(new ScheduleMaintenance(byHand.maintenanceId(), byHand.title(), byHand.message(),
                        byHand.components(), byHand.scheduledFor(), byHand.scheduledUntil(), false, null,
                        byHand.updateId()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenScheduled_whenTheWindowStarts_thenStartedWithTheUsualMessageAndItsCompletionIsDueAtTheWindowsEnd() {
        fixture.givenCurrentTime(SCHEDULED_AT).andGivenCommands(schedule())
                .whenThenTimeAdvancesTo(WINDOW_START)
                .expectTriggeredDeadlinesWithName(Maintenance.WINDOW_STARTS)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof MaintenanceStarted started
                                && started.message().equals(Maintenance.STARTED_MESSAGE)
                                && started.updateId().startsWith("upd-auto-")), andNoMore())))
                .expectScheduledDeadlineWithName(WINDOW_END, Maintenance.WINDOW_ENDS);
    }

    @Test
    void givenStartedByHand_whenTheWindowEnds_thenCompletedWithTheUsualMessage() {
        fixture.givenCurrentTime(SCHEDULED_AT).andGivenCommands(schedule(), startByHand())
                .whenThenTimeAdvancesTo(WINDOW_END)
                .expectTriggeredDeadlinesWithName(Maintenance.WINDOW_ENDS)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof MaintenanceCompleted completed
                                && completed.message().equals(Maintenance.COMPLETED_MESSAGE)), andNoMore())));
    }

    @Test
    void givenScheduled_whenStartedByHand_thenItsStartIsNoLongerDueAndItsCompletionIs() {
        fixture.givenCurrentTime(SCHEDULED_AT).andGivenCommands(schedule())
                .when(startByHand())
                .expectNoScheduledDeadlineWithName(WINDOW_START, Maintenance.WINDOW_STARTS)
                .expectScheduledDeadlineWithName(WINDOW_END, Maintenance.WINDOW_ENDS);
    }

    @Test
    void givenScheduled_whenCancelled_thenNothingIsDue() {
        fixture.givenCurrentTime(SCHEDULED_AT).andGivenCommands(schedule())
                .when(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled", null, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenStartedByHand_whenCompletedEarlyAndTheWindowEnds_thenNothingMoreHappens() {
        fixture.givenCurrentTime(SCHEDULED_AT).andGivenCommands(List.of(schedule(), startByHand(),
                        new CompleteMaintenance(MAINTENANCE_ID, "update-completed", null, null)))
                .whenThenTimeAdvancesTo(WINDOW_END)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }
}
