package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.IMPACT_STARTED_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.core.incident.command.RecordLifecycleTime;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle times are backfilled and corrected like the impact window: each moment on its own, a correction with a
 * reason, never in the future, never out of order with detection or resolution.
 */
class LifecycleTimeTest {

    private static final Instant NOW = Instant.parse("2024-07-05T16:00:00Z");
    private static final Instant DETECTED_AT = Instant.parse("2024-07-05T13:20:00Z");
    private static final Instant ACKNOWLEDGED_AT = Instant.parse("2024-07-05T13:24:00Z");
    private static final Instant MITIGATED_AT = Instant.parse("2024-07-05T13:36:00Z");
    private static final String REASON = "The deploy log shows the rollback finishing at 13:36";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    private static RecordLifecycleTime record(String moment, Instant at, String reason) {
        return new RecordLifecycleTime(INCIDENT_ID, moment, at, reason, null, null);
    }

    private static LifecycleTimeRecorded recorded(String moment, Instant at, Instant previousAt, String reason) {
        return new LifecycleTimeRecorded(INCIDENT_ID, moment, at, previousAt, reason, NOW, NOW);
    }

    @Test
    void givenResolvedIncident_whenDetectedBackfilled_thenRecordedWithoutReason() {
        fixture.given(resolvedHistory())
                .when(new RecordLifecycleTime(INCIDENT_ID, "detected", DETECTED_AT, null, null, 3L))
                .expectEvents(recorded("detected", DETECTED_AT, null, null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenOpenIncident_whenEachMomentButResolvedRecorded_thenRecorded() {
        fixture.given(declared(), update1Posted())
                .andGiven(recorded("detected", DETECTED_AT, null, null),
                        recorded("acknowledged", ACKNOWLEDGED_AT, null, null),
                        recorded("identified", UPDATE_1_AT, null, null))
                .when(record("mitigated", MITIGATED_AT, "first recording may still say why"))
                .expectEvents(recorded("mitigated", MITIGATED_AT, null, "first recording may still say why"));
    }

    @Test
    void givenIncident_whenConfiguredExtraRecorded_thenRecorded() {
        fixture.given(resolvedHistory())
                .when(record("identified", UPDATE_1_AT, null))
                .expectEvents(recorded("identified", UPDATE_1_AT, null, null));
    }

    @Test
    void givenIncident_whenUnknownMomentRecorded_thenRefusedNamingMoment() {
        fixture.given(resolvedHistory())
                .when(record("noticed", DETECTED_AT, null))
                .expectException(invalidInput("unknown-moment", "moment"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenExtraOfAnotherConfigurationRecorded_thenRefused() {
        fixture.given(resolvedHistory())
                .when(record("contained", DETECTED_AT, null))
                .expectException(invalidInput("unknown-moment", "moment"));
    }

    @Test
    void givenIncident_whenMomentWithoutTimeRecorded_thenRefused() {
        fixture.given(resolvedHistory())
                .when(record("detected", null, null))
                .expectException(invalidInput("value-required", "at"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenMomentInTheFuture_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(record("detected", NOW.plusSeconds(120), null))
                .expectException(invalidInput("time-in-future", "at"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenMoment59SecondsAhead_thenRecorded() {
        fixture.given(declared(), update1Posted())
                .when(record("detected", NOW.plusSeconds(59), null))
                .expectEvents(recorded("detected", NOW.plusSeconds(59), null, null));
    }

    @Test
    void givenIncident_whenMomentBefore2000_thenRefused() {
        fixture.given(resolvedHistory())
                .when(record("detected", Instant.parse("0001-01-01T00:00:00Z"), null))
                .expectException(invalidInput("time-out-of-range", "at"));
    }

    @Test
    void givenRecordedDetection_whenCorrectedWithReason_thenRecordedNamingThePreviousTime() {
        Instant firstGuess = Instant.parse("2024-07-05T13:28:00Z");
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", firstGuess, null, null))
                .when(record("detected", DETECTED_AT, "The alert fired at 13:20 by the monitoring history"))
                .expectEvents(recorded("detected", DETECTED_AT, firstGuess,
                        "The alert fired at 13:20 by the monitoring history"))
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenRecordedDetection_whenCorrectedWithoutReason_thenRefusedNamingReason() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", Instant.parse("2024-07-05T13:28:00Z"), null, null))
                .when(record("detected", DETECTED_AT, "  "))
                .expectException(invalidInput("text-required", "reason"))
                .expectNoEvents();
    }

    @Test
    void givenRecordedDetection_whenTheSameTimeRecordedAgain_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", DETECTED_AT, null, null))
                .when(record("detected", DETECTED_AT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenDetection_whenMitigatedBeforeIt_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", DETECTED_AT, null, null))
                .when(record("mitigated", DETECTED_AT.minusSeconds(60), null))
                .expectException(ruleViolation("lifecycle-before-detection", "at"))
                .expectNoEvents();
    }

    @Test
    void givenDetection_whenAcknowledgedBeforeIt_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", DETECTED_AT, null, null))
                .when(record("acknowledged", DETECTED_AT.minusSeconds(1), null))
                .expectException(ruleViolation("lifecycle-before-detection", "at"));
    }

    @Test
    void givenDetection_whenMitigatedAtTheSameMoment_thenRecorded() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", DETECTED_AT, null, null))
                .when(record("mitigated", DETECTED_AT, null))
                .expectEvents(recorded("mitigated", DETECTED_AT, null, null));
    }

    @Test
    void givenMitigation_whenDetectionCorrectedToAfterIt_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", DETECTED_AT, null, null),
                        recorded("mitigated", MITIGATED_AT, null, null))
                .when(record("detected", MITIGATED_AT.plusSeconds(60), REASON))
                .expectException(ruleViolation("lifecycle-before-detection", "at"))
                .expectNoEvents();
    }

    @Test
    void givenMitigationWithoutDetection_whenMitigatedRecorded_thenNoOrderToKeep() {
        fixture.given(resolvedHistory())
                .when(record("mitigated", MITIGATED_AT, null))
                .expectEvents(recorded("mitigated", MITIGATED_AT, null, null));
    }

    @Test
    void givenExtraMoment_whenBeforeDetection_thenRecorded() {
        // an extra is the operator's own moment: only the four standard ones have an order
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", DETECTED_AT, null, null))
                .when(record("identified", DETECTED_AT.minusSeconds(600), null))
                .expectEvents(recorded("identified", DETECTED_AT.minusSeconds(600), null, null));
    }

    @Test
    void givenImpactWindow_whenDetectedBeforeImpactStarted_thenRecorded() {
        // monitoring may catch a fault before customers feel it: the impact window does not bound lifecycle times
        Instant beforeImpact = IMPACT_STARTED_AT.minusSeconds(300);
        fixture.given(resolvedHistory())
                .andGiven(new io.incidenttimeline.core.incident.event.ImpactWindowRecorded(INCIDENT_ID,
                        IMPACT_STARTED_AT, null, null, UPDATE_1_AT, UPDATE_1_AT))
                .when(record("detected", beforeImpact, null))
                .expectEvents(recorded("detected", beforeImpact, null, null));
    }

    @Test
    void givenResolvedIncident_whenMomentAfterResolution_thenRefused() {
        fixture.given(resolvedHistory())
                .when(record("mitigated", UPDATE_2_AT.plusSeconds(60), null))
                .expectException(ruleViolation("lifecycle-after-resolution", "at"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenMomentAtTheResolution_thenRecorded() {
        fixture.given(resolvedHistory())
                .when(record("mitigated", UPDATE_2_AT, null))
                .expectEvents(recorded("mitigated", UPDATE_2_AT, null, null));
    }

    @Test
    void givenReopenedIncident_whenMomentAfterTheEarlierResolution_thenRecorded() {
        Instant later = UPDATE_2_AT.plusSeconds(1800);
        fixture.given(resolvedHistory())
                .andGiven(new IncidentReopened(INCIDENT_ID, "update-3", UPDATE_2_AT.plusSeconds(600), NOW),
                        new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.MONITORING, "Recordings fail again",
                                Visibility.INTERNAL, Map.of(), null, UPDATE_2_AT.plusSeconds(600), NOW))
                .when(record("mitigated", later, null))
                .expectEvents(recorded("mitigated", later, null, null));
    }

    @Test
    void givenResolvedIncident_whenResolvedRecordedAtTheResolvingUpdate_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .when(record("resolved", UPDATE_2_AT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenResolvedCorrected_thenRecordedNamingTheUpdateTime() {
        Instant actual = Instant.parse("2024-07-05T13:45:00Z");
        fixture.given(resolvedHistory())
                .when(record("resolved", actual, "The rollback was verified at 13:45; the update went out later"))
                .expectEvents(recorded("resolved", actual, UPDATE_2_AT,
                        "The rollback was verified at 13:45; the update went out later"));
    }

    @Test
    void givenResolvedIncident_whenResolvedCorrectedWithoutReason_thenRefused() {
        fixture.given(resolvedHistory())
                .when(record("resolved", Instant.parse("2024-07-05T13:45:00Z"), null))
                .expectException(invalidInput("text-required", "reason"));
    }

    @Test
    void givenCorrectedResolution_whenMomentAfterIt_thenRefused() {
        Instant actual = Instant.parse("2024-07-05T13:45:00Z");
        fixture.given(resolvedHistory())
                .andGiven(recorded("resolved", actual, UPDATE_2_AT, REASON))
                .when(record("mitigated", actual.plusSeconds(60), null))
                .expectException(ruleViolation("lifecycle-after-resolution", "at"));
    }

    @Test
    void givenMitigation_whenResolvedCorrectedToBeforeIt_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("mitigated", MITIGATED_AT, null, null))
                .when(record("resolved", MITIGATED_AT.minusSeconds(60), REASON))
                .expectException(ruleViolation("lifecycle-after-resolution", "at"))
                .expectNoEvents();
    }

    @Test
    void givenDetection_whenResolvedCorrectedToBeforeIt_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(recorded("detected", DETECTED_AT, null, null))
                .when(record("resolved", DETECTED_AT.minusSeconds(60), REASON))
                .expectException(ruleViolation("lifecycle-after-resolution", "at"));
    }

    @Test
    void givenOpenIncident_whenResolvedRecorded_thenRefusedNamingMoment() {
        fixture.given(declared(), update1Posted())
                .when(record("resolved", UPDATE_1_AT, null))
                .expectException(ruleViolation("lifecycle-resolved-while-open", "moment"))
                .expectNoEvents();
    }

    @Test
    void givenReopenedIncident_whenResolvedRecorded_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(new IncidentReopened(INCIDENT_ID, "update-3", UPDATE_2_AT.plusSeconds(600), NOW),
                        new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.MONITORING, "Recordings fail again",
                                Visibility.INTERNAL, Map.of(), null, UPDATE_2_AT.plusSeconds(600), NOW))
                .when(record("resolved", UPDATE_2_AT, null))
                .expectException(ruleViolation("lifecycle-resolved-while-open", "moment"));
    }

    @Test
    void givenResolvedAgainAfterReopening_whenResolvedRecordedAtTheNewUpdate_thenNothingHappens() {
        Instant reopenedAt = UPDATE_2_AT.plusSeconds(600);
        Instant resolvedAgainAt = UPDATE_2_AT.plusSeconds(3600);
        fixture.given(resolvedHistory())
                .andGiven(new IncidentReopened(INCIDENT_ID, "update-3", reopenedAt, NOW),
                        new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.MONITORING, "Recordings fail again",
                                Visibility.INTERNAL, Map.of(), null, reopenedAt, NOW),
                        new UpdatePosted(INCIDENT_ID, "update-4", IncidentStatus.RESOLVED, "Fixed for good",
                                Visibility.PUBLIC, Map.of(), null, resolvedAgainAt, NOW),
                        new IncidentResolved(INCIDENT_ID, "update-4", resolvedAgainAt, NOW))
                .when(record("resolved", resolvedAgainAt, null))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenRecordingClaimsToPrecedeTheIncident_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RecordLifecycleTime(INCIDENT_ID, "detected", DETECTED_AT, null, UPDATE_1_AT.minusSeconds(1),
                        null))
                .expectException(invalidInput("occurred-before-incident", "occurredAt"));
    }

    @Test
    void givenIncident_whenReasonTooLong_thenRefused() {
        fixture.given(resolvedHistory())
                .when(record("detected", DETECTED_AT, "x".repeat(1001)))
                .expectException(invalidInput("text-too-long", "reason"));
    }

    @Test
    void configuredExtras_areIdsThatDoNotRepeatAStandardMoment() {
        assertThat(LifecycleMoments.withExtras(List.of("identified", "contained")).names())
                .containsExactly("detected", "acknowledged", "mitigated", "resolved", "identified", "contained");
        assertThat(LifecycleMoments.withExtras(null).names()).hasSize(4);
        assertThatThrownBy(() -> LifecycleMoments.withExtras(List.of("Identified")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Identified");
        assertThatThrownBy(() -> LifecycleMoments.withExtras(List.of("resolved")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolved");
    }
}
