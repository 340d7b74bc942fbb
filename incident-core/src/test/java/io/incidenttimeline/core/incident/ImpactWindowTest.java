package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.IMPACT_ENDED_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.IMPACT_STARTED_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;

import io.incidenttimeline.core.incident.command.RecordImpactWindow;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The impact window is known after the fact: it is backfilled and corrected independently of the updates. */
class ImpactWindowTest {

    private static final Instant NOW = Instant.parse("2024-07-05T15:00:00Z");
    private static final String REASON = "Start and end taken from the storage service's error logs";
    private static final Instant FIRST_GUESS_START = Instant.parse("2024-07-05T11:30:00Z");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenResolvedIncident_whenImpactWindowBackfilled_thenImpactWindowRecorded() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, null, 3L))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, NOW, NOW))
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenOpenIncident_whenImpactWindowWithoutEndRecorded_thenOpenWindowRecorded() {
        fixture.given(declared(), update1Posted())
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, null, null, null, null))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, null, null, NOW, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenIncident_whenImpactWindowWithoutStartRecorded_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, null, IMPACT_ENDED_AT, REASON, null, null))
                .expectException(invalidInput("value-required", "startedAt"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactWindowEndsBeforeItStarts_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_ENDED_AT, IMPACT_STARTED_AT, REASON, null, null))
                .expectException(invalidInput("impact-window-inverted", "endedAt"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactWindowStartsAndEndsAtTheSameMoment_thenRecorded() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_STARTED_AT, null, null, null))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_STARTED_AT, null, NOW, NOW));
    }

    @Test
    void givenIncident_whenImpactWindowStartsInTheFuture_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, NOW.plusSeconds(120), null, null, null, null))
                .expectException(invalidInput("time-in-future", "startedAt"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactWindowEndsInTheFuture_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, NOW.plusSeconds(120), null, null, null))
                .expectException(invalidInput("time-in-future", "endedAt"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenImpactWindowEnds59SecondsAhead_thenRecorded() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, NOW.plusSeconds(59), null, null, null))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, NOW.plusSeconds(59), null, NOW, NOW));
    }

    @Test
    void givenIncident_whenImpactWindowRecordingClaimsToPrecedeTheIncident_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON,
                        UPDATE_1_AT.minusSeconds(1), null))
                .expectException(invalidInput("occurred-before-incident", "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenRecordedImpactWindow_whenCorrected_thenNewImpactWindowRecorded() {
        fixture.given(resolvedHistory())
                .andGiven(new ImpactWindowRecorded(INCIDENT_ID, FIRST_GUESS_START, null, null, UPDATE_1_AT, UPDATE_1_AT))
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, null, null))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, NOW, NOW))
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenImpactWindowCorrectedTwice_whenCorrectedAThirdTime_thenNewImpactWindowRecorded() {
        Instant secondGuessEnd = Instant.parse("2024-07-05T13:52:00Z");
        Instant correctedEnd = Instant.parse("2024-07-05T13:40:00Z");
        fixture.given(resolvedHistory())
                .andGiven(new ImpactWindowRecorded(INCIDENT_ID, FIRST_GUESS_START, null, null, UPDATE_1_AT, UPDATE_1_AT),
                        new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, secondGuessEnd, null, NOW, NOW),
                        new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, NOW, NOW))
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, correctedEnd, "Last failed upload at 13:40",
                        null, null))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, correctedEnd,
                        "Last failed upload at 13:40", NOW, NOW))
                .expectResultMessagePayload(7L);
    }

    @Test
    void givenRecordedImpactWindow_whenTheSameWindowRecordedAgain_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, NOW, NOW))
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenOpenImpactWindow_whenTheSameOpenWindowRecordedAgain_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, null, null, NOW, NOW))
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, null, null, null, null))
                .expectNoEvents();
    }

    @Test
    void givenOpenImpactWindow_whenItsEndRecorded_thenNewImpactWindowRecorded() {
        fixture.given(resolvedHistory())
                .andGiven(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, null, null, NOW, NOW))
                .when(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, null, null, null))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, null, NOW, NOW));
    }

    @Test
    void givenCorrectedImpactWindow_whenTheEarlierWindowRecordedAgain_thenRecordedAgain() {
        fixture.given(resolvedHistory())
                .andGiven(new ImpactWindowRecorded(INCIDENT_ID, FIRST_GUESS_START, null, null, UPDATE_1_AT, UPDATE_1_AT),
                        new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, REASON, NOW, NOW))
                .when(new RecordImpactWindow(INCIDENT_ID, FIRST_GUESS_START, null, null, null, null))
                .expectEvents(new ImpactWindowRecorded(INCIDENT_ID, FIRST_GUESS_START, null, null, NOW, NOW));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z"})
    void givenIncident_whenImpactWindowStartsBefore2000_thenRefused(String startedAt) {
        fixture.given(resolvedHistory())
                .when(new RecordImpactWindow(INCIDENT_ID, Instant.parse(startedAt), IMPACT_ENDED_AT, null, null, null))
                .expectException(invalidInput("time-out-of-range", "startedAt"))
                .expectNoEvents();
    }
}
