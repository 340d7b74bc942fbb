package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.POST_MORTEM_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.RESOLUTION;
import static io.incidenttimeline.core.incident.ReferenceIncident.ROOT_CAUSE;
import static io.incidenttimeline.core.incident.ReferenceIncident.SUMMARY;
import static io.incidenttimeline.core.incident.ReferenceIncident.postMortemPublished;
import static io.incidenttimeline.core.incident.ReferenceIncident.publishPostMortem;
import static io.incidenttimeline.core.incident.ReferenceIncident.remediationDrafts;
import static io.incidenttimeline.core.incident.ReferenceIncident.remediationItems;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.notFound;

import io.incidenttimeline.core.incident.command.CompleteRemediationItem;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Completing the remediation items of a published post-mortem. */
class RemediationItemTest {

    private static final Instant NOW = Instant.parse("2024-08-02T12:00:00Z");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenPublishedPostMortem_whenItemCompleted_thenRemediationItemCompleted() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-2", null, 4L))
                .expectEvents(new RemediationItemCompleted(INCIDENT_ID, "item-2", NOW, NOW))
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenCompletedItem_whenCompletedAgain_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished(), new RemediationItemCompleted(INCIDENT_ID, "item-2", NOW, NOW))
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-2", null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenCompletedItemAndALaterRevision_whenCompletedAgain_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished(), new RemediationItemCompleted(INCIDENT_ID, "item-2", NOW, NOW),
                        new PostMortemPublished(INCIDENT_ID, 2, SUMMARY, ROOT_CAUSE + " Revised.", RESOLUTION,
                                remediationItems(), NOW, NOW))
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-2", null, null))
                .expectNoEvents();
    }

    @Test
    void givenCompletedItem_whenAnotherItemCompleted_thenRemediationItemCompleted() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished(), new RemediationItemCompleted(INCIDENT_ID, "item-2", NOW, NOW))
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-3", null, null))
                .expectEvents(new RemediationItemCompleted(INCIDENT_ID, "item-3", NOW, NOW));
    }

    @Test
    void givenPublishedPostMortem_whenUnknownItemCompleted_thenNotFound() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-4", null, null))
                .expectException(notFound("remediation-item-not-found", "itemId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPostMortem_whenItemCompleted_thenNotFound() {
        fixture.given(resolvedHistory())
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-1", null, null))
                .expectException(notFound("remediation-item-not-found", "itemId"))
                .expectNoEvents();
    }

    @Test
    void givenPublishedPostMortem_whenCompletionClaimsToLieInTheFuture_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-1", NOW.plusSeconds(120), null))
                .expectException(invalidInput("time-in-future", "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenPostMortemPublishedThroughTheCommand_whenGeneratedItemIdCompleted_thenRemediationItemCompleted() {
        fixture.givenCommands(ReferenceIncident.declaration().with(d -> d.occurredAt = ReferenceIncident.UPDATE_1_AT).build())
                .andGiven(ReferenceIncident.update2Posted(), ReferenceIncident.resolvedByUpdate2())
                .andGivenCommands(publishPostMortem(remediationDrafts()))
                .when(new CompleteRemediationItem(INCIDENT_ID, "item-3", POST_MORTEM_AT, null))
                .expectEvents(new RemediationItemCompleted(INCIDENT_ID, "item-3", POST_MORTEM_AT, NOW));
    }
}
