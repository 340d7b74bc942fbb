package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.declaration;
import static io.incidenttimeline.core.incident.ReferenceIncident.update2;

import io.incidenttimeline.core.incident.command.AssignRole;
import io.incidenttimeline.core.incident.event.NextUpdateReminderRaised;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A "next update by" promise has two reminders, raised by deadlines of the incident: due soon (the lead time before,
 * five minutes by default) and overdue (when it is due), each once, and neither once the promise is answered or the
 * incident resolved. The declaration promises the next update in 30 minutes.
 */
class PromiseReminderTest {

    private static final Instant NOW = Instant.parse("2024-07-05T13:31:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofMinutes(30));
    private static final NextUpdateReminder REMINDER = new NextUpdateReminder(UPDATE_1, DUE);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenNothing_whenDeclaredWithAPromise_thenDueSoonAndOverdueDeadlinesScheduled() {
        fixture.givenCurrentTime(NOW)
                .when(declaration().build())
                .expectScheduledDeadlineWithName(Duration.ofMinutes(25), Incident.NEXT_UPDATE_DUE_SOON)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(30), Incident.NEXT_UPDATE_OVERDUE)
                .expectScheduledDeadline(Duration.ofMinutes(30), REMINDER);
    }

    @Test
    void givenNothing_whenPromiseIsShorterThanTheLeadTime_thenOnlyTheOverdueDeadline() {
        fixture.givenCurrentTime(NOW)
                .when(declaration().with(d -> d.nextUpdateInMinutes = 3).build())
                .expectScheduledDeadlineWithName(Duration.ofMinutes(3), Incident.NEXT_UPDATE_OVERDUE)
                .expectNoScheduledDeadlineWithName(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)),
                        Incident.NEXT_UPDATE_DUE_SOON);
    }

    @Test
    void givenNothing_whenABackfilledPromiseWasDueAlready_thenNoReminder() {
        fixture.givenCurrentTime(NOW)
                .when(declaration().with(d -> d.occurredAt = NOW.minus(Duration.ofHours(2))).build())
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenPromise_whenTheLeadTimeBeforeItArrives_thenDueSoonReminderForTheResponders() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build())
                .whenTimeElapses(Duration.ofMinutes(26))
                .expectTriggeredDeadlinesWithName(Incident.NEXT_UPDATE_DUE_SOON)
                .expectEvents(reminder(NextUpdateReminderRaised.DUE_SOON, null));
    }

    @Test
    void givenPromiseAndCommunicationsHolder_whenItIsNear_thenTheReminderNamesTheHolder() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build(),
                        new AssignRole(INCIDENT_ID, "communications", "Dana Reyes", null, null, null))
                .whenTimeElapses(Duration.ofMinutes(26))
                .expectEvents(reminder(NextUpdateReminderRaised.DUE_SOON, "Dana Reyes"));
    }

    @Test
    void givenPromise_whenItPassesUnanswered_thenOverdueAfterDueSoon_eachOnce() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build())
                .whenTimeElapses(Duration.ofHours(2))
                .expectEvents(reminder(NextUpdateReminderRaised.DUE_SOON, null),
                        reminder(NextUpdateReminderRaised.OVERDUE, null));
    }

    @Test
    void givenDueSoonRaisedAlready_whenTheSameDeadlineRunsAgain_thenNothingIsRaisedTwice() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build())
                .andGiven(reminder(NextUpdateReminderRaised.DUE_SOON, null))
                .whenTimeElapses(Duration.ofMinutes(26))
                .expectTriggeredDeadlinesWithName(Incident.NEXT_UPDATE_DUE_SOON)
                .expectNoEvents();
    }

    @Test
    void givenPromise_whenAPublicUpdateAnswersIt_thenItsRemindersAreCancelled() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build())
                .when(update2().with(u -> u.status = IncidentStatus.MONITORING).build())
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnsweredPromise_whenItsTimeComes_thenNoReminder() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build(), update2().with(u -> u.status = IncidentStatus.MONITORING).build())
                .whenTimeElapses(Duration.ofHours(2))
                .expectNoEvents();
    }

    @Test
    void givenPublicPromise_whenAnInternalNoteFollows_thenThePromiseStillStandsAndIsReminded() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build(), update2().with(u -> {
                    u.status = IncidentStatus.IDENTIFIED;
                    u.visibility = Visibility.INTERNAL;
                }).build())
                .whenTimeElapses(Duration.ofMinutes(26))
                .expectEvents(reminder(NextUpdateReminderRaised.DUE_SOON, null));
    }

    @Test
    void givenPromise_whenANewerPromiseReplacesIt_thenOnlyTheNewerOneIsReminded() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build(), update2().with(u -> {
                    u.status = IncidentStatus.MONITORING;
                    u.nextUpdateInMinutes = 60;
                }).build())
                .whenTimeElapses(Duration.ofMinutes(56))
                .expectEvents(new NextUpdateReminderRaised(INCIDENT_ID, UPDATE_2, NOW.plus(Duration.ofMinutes(60)),
                        NextUpdateReminderRaised.DUE_SOON, null, NOW, NOW));
    }

    @Test
    void givenPromise_whenTheIncidentIsResolved_thenNoReminderAfterwards() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build(), update2().build())
                .whenTimeElapses(Duration.ofHours(2))
                .expectNoEvents();
    }

    @Test
    void givenPublicPromise_whenAnInternalUpdateResolvesTheIncident_thenNoReminderAfterwards() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(declaration().build())
                .when(update2().with(u -> u.visibility = Visibility.INTERNAL).build())
                .expectNoScheduledDeadlines();
    }

    private static NextUpdateReminderRaised reminder(String kind, String holder) {
        return new NextUpdateReminderRaised(INCIDENT_ID, UPDATE_1, DUE, kind, holder, NOW, NOW);
    }
}
