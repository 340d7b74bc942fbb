package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_MESSAGE;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.notFound;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.incident.command.AmendUpdate;
import io.incidenttimeline.core.incident.command.RetractUpdate;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amending and retracting updates: the history keeps the original, the correction is a new event. */
class UpdateCorrectionTest {

    private static final Instant NOW = Instant.parse("2024-07-05T14:10:00Z");
    private static final String CORRECTED = "We are aware of and are working to revert recent changes that impacted "
            + "Talk customers and caused call recordings to be unavailable on several pods. Next update at 14:01 UTC.";
    private static final String REASON = "State the promised time instead of a duration";
    private static final String RETRACT_REASON = "Posted on the wrong incident";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenPostedUpdate_whenAmended_thenUpdateAmended() {
        fixture.given(resolvedHistory())
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, CORRECTED, REASON, null, 3L))
                .expectEvents(new UpdateAmended(INCIDENT_ID, UPDATE_1, CORRECTED, REASON, NOW, NOW))
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenPostedUpdate_whenAmendedToTheSameText_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, UPDATE_1_MESSAGE, REASON, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenAmendedUpdate_whenAmendedToTheAmendedTextAgain_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(new UpdateAmended(INCIDENT_ID, UPDATE_1, CORRECTED, REASON, NOW, NOW))
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, CORRECTED, REASON, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenAmendedUpdate_whenAmendedBackToTheOriginalText_thenUpdateAmended() {
        fixture.given(resolvedHistory())
                .andGiven(new UpdateAmended(INCIDENT_ID, UPDATE_1, CORRECTED, REASON, NOW, NOW))
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, UPDATE_1_MESSAGE, "Undo", null, null))
                .expectEvents(new UpdateAmended(INCIDENT_ID, UPDATE_1, UPDATE_1_MESSAGE, "Undo", NOW, NOW));
    }

    @Test
    void givenIncident_whenUnknownUpdateAmended_thenNotFound() {
        fixture.given(resolvedHistory())
                .when(new AmendUpdate(INCIDENT_ID, "update-9", CORRECTED, REASON, null, null))
                .expectException(notFound("update-not-found", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenRetractedUpdate_whenAmended_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(new UpdateRetracted(INCIDENT_ID, UPDATE_1, RETRACT_REASON, NOW, NOW))
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, CORRECTED, REASON, null, null))
                .expectException(ruleViolation("update-retracted", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenPostedUpdate_whenAmendedWithoutReason_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, CORRECTED, " ", null, null))
                .expectException(invalidInput("text-required", "reason"))
                .expectNoEvents();
    }

    @Test
    void givenPostedUpdate_whenAmendedWithReasonOf1001Characters_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, CORRECTED, "r".repeat(1001), null, null))
                .expectException(invalidInput("text-too-long", "reason"))
                .expectNoEvents();
    }

    @Test
    void givenPostedUpdate_whenAmendedToBlankText_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, "", REASON, null, null))
                .expectException(invalidInput("text-required", "message"))
                .expectNoEvents();
    }

    @Test
    void givenPostedUpdate_whenAmendmentClaimsToPrecedeTheIncident_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new AmendUpdate(INCIDENT_ID, UPDATE_1, CORRECTED, REASON, UPDATE_1_AT.minusSeconds(60), null))
                .expectException(invalidInput("occurred-before-incident", "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenPostedUpdate_whenRetracted_thenUpdateRetracted() {
        fixture.given(resolvedHistory())
                .when(new RetractUpdate(INCIDENT_ID, UPDATE_2, RETRACT_REASON, null, 3L))
                .expectEvents(new UpdateRetracted(INCIDENT_ID, UPDATE_2, RETRACT_REASON, NOW, NOW))
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenRetractedUpdate_whenRetractedAgain_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(new UpdateRetracted(INCIDENT_ID, UPDATE_2, RETRACT_REASON, NOW, NOW))
                .when(new RetractUpdate(INCIDENT_ID, UPDATE_2, RETRACT_REASON, null, null))
                .expectException(ruleViolation("update-retracted", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenUnknownUpdateRetracted_thenNotFound() {
        fixture.given(resolvedHistory())
                .when(new RetractUpdate(INCIDENT_ID, "update-9", RETRACT_REASON, null, null))
                .expectException(notFound("update-not-found", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenPostedUpdate_whenRetractedWithoutReason_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RetractUpdate(INCIDENT_ID, UPDATE_2, null, null, null))
                .expectException(invalidInput("text-required", "reason"))
                .expectNoEvents();
    }

    @Test
    void givenPostedUpdate_whenRetractionClaimsToLieInTheFuture_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new RetractUpdate(INCIDENT_ID, UPDATE_2, RETRACT_REASON, NOW.plusSeconds(120), null))
                .expectException(invalidInput("time-in-future", "occurredAt"))
                .expectNoEvents();
    }
}
