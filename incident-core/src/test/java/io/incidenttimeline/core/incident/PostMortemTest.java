package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.CONFIGURATION;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.MONITORING;
import static io.incidenttimeline.core.incident.ReferenceIncident.POST_MORTEM_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.RESOLUTION;
import static io.incidenttimeline.core.incident.ReferenceIncident.ROOT_CAUSE;
import static io.incidenttimeline.core.incident.ReferenceIncident.SUMMARY;
import static io.incidenttimeline.core.incident.ReferenceIncident.TESTING;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.postMortemPublished;
import static io.incidenttimeline.core.incident.ReferenceIncident.publishPostMortem;
import static io.incidenttimeline.core.incident.ReferenceIncident.remediationDrafts;
import static io.incidenttimeline.core.incident.ReferenceIncident.remediationItems;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.incident.command.PublishPostMortem;
import io.incidenttimeline.core.incident.command.RemediationItemDraft;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItem;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing the post-mortem and its revisions. */
class PostMortemTest {

    private static final Instant NOW = POST_MORTEM_AT;
    private static final String REVISED_ROOT_CAUSE = ROOT_CAUSE + " The setting was shared by two services.";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenResolvedIncident_whenPostMortemPublished_thenRevision1WithGeneratedItemIds() {
        fixture.given(resolvedHistory())
                .when(publishPostMortem(remediationDrafts()))
                .expectEvents(postMortemPublished())
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenOpenIncident_whenPostMortemPublished_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(publishPostMortem(remediationDrafts()))
                .expectException(ruleViolation("post-mortem-before-resolution", "status"))
                .expectNoEvents();
    }

    @Test
    void givenReopenedIncident_whenPostMortemPublished_thenRefused() {
        Instant reopenedAt = Instant.parse("2024-07-05T15:00:00Z");
        fixture.given(resolvedHistory())
                .andGiven(new IncidentReopened(INCIDENT_ID, "update-3", reopenedAt, reopenedAt),
                        new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.INVESTIGATING, "Still missing.",
                                Visibility.PUBLIC, Map.of(), null, reopenedAt, reopenedAt))
                .when(publishPostMortem(remediationDrafts()))
                .expectException(ruleViolation("post-mortem-before-resolution", "status"))
                .expectNoEvents();
    }

    @Test
    void givenIncidentResolvedOnlyByAnInternalUpdate_whenPostMortemPublished_thenRefusedSoThePublicNeverSeesAPostMortemOfAnOpenIncident() {
        fixture.given(declared(), update1Posted(),
                        new UpdatePosted(INCIDENT_ID, "update-internal", IncidentStatus.RESOLVED, "Fixed, not announced yet.",
                                Visibility.INTERNAL, Map.of(), null, UPDATE_2_AT, UPDATE_2_AT),
                        new IncidentResolved(INCIDENT_ID, "update-internal", UPDATE_2_AT, UPDATE_2_AT))
                .when(publishPostMortem(remediationDrafts()))
                .expectException(ruleViolation("post-mortem-before-resolution", "status"))
                .expectNoEvents();
    }

    @Test
    void givenThePublicResolutionRetracted_whenPostMortemPublished_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(new UpdateRetracted(INCIDENT_ID, UPDATE_2, "posted too early", UPDATE_2_AT, UPDATE_2_AT))
                .when(publishPostMortem(remediationDrafts()))
                .expectException(ruleViolation("post-mortem-before-resolution", "status"))
                .expectNoEvents();
    }

    @Test
    void givenPubliclyResolvedIncidentWithALaterInternalNote_whenPostMortemPublished_thenPublished() {
        fixture.given(resolvedHistory())
                .andGiven(new UpdatePosted(INCIDENT_ID, "update-internal", IncidentStatus.RESOLVED, "Cleanup done.",
                        Visibility.INTERNAL, Map.of(), null, UPDATE_2_AT, UPDATE_2_AT))
                .when(publishPostMortem(remediationDrafts()))
                .expectEvents(postMortemPublished());
    }

    @Test
    void givenPublishedPostMortem_whenPublishedWithDifferentContent_thenRevision2KeepingItemIdsByTitle() {
        Instant later = Instant.parse("2024-07-10T09:00:00Z");
        ReferenceIncident.fixtureAt(later)
                .given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(new PublishPostMortem(INCIDENT_ID, SUMMARY, REVISED_ROOT_CAUSE, RESOLUTION,
                        remediationDrafts(), null, 4L))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 2, SUMMARY, REVISED_ROOT_CAUSE, RESOLUTION,
                        remediationItems(), later, later))
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenRevision2_whenPublishedWithDifferentContentAgain_thenRevision3() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished(), new PostMortemPublished(INCIDENT_ID, 2, SUMMARY, REVISED_ROOT_CAUSE,
                        RESOLUTION, remediationItems(), NOW, NOW))
                .when(publishPostMortem(remediationDrafts()))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 3, SUMMARY, ROOT_CAUSE, RESOLUTION,
                        remediationItems(), NOW, NOW));
    }

    @Test
    void givenPublishedPostMortem_whenItemAddedWithoutId_thenItGetsTheNextFreeNumber() {
        String alerting = "Paging: page the storage on-call when uploads fail";
        List<RemediationItemDraft> drafts = new java.util.ArrayList<>(remediationDrafts());
        drafts.add(new RemediationItemDraft(null, alerting, "Storage team", LocalDate.parse("2024-08-30")));
        List<RemediationItem> items = new java.util.ArrayList<>(remediationItems());
        items.add(new RemediationItem("item-4", alerting, "Storage team", LocalDate.parse("2024-08-30")));
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(publishPostMortem(drafts))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 2, SUMMARY, ROOT_CAUSE, RESOLUTION, items, NOW, NOW));
    }

    @Test
    void givenPublishedPostMortem_whenItemRetitledUnderItsId_thenRevision2KeepsTheId() {
        String retitled = "Improved testing: add a storage-location check to the deployment tests";
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(publishPostMortem(List.of(new RemediationItemDraft("item-1", retitled, null, null),
                        new RemediationItemDraft(null, CONFIGURATION, null, null),
                        new RemediationItemDraft(null, MONITORING, null, null))))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 2, SUMMARY, ROOT_CAUSE, RESOLUTION,
                        List.of(new RemediationItem("item-1", retitled, null, null),
                                new RemediationItem("item-2", CONFIGURATION, null, null),
                                new RemediationItem("item-3", MONITORING, null, null)), NOW, NOW));
    }

    @Test
    void givenPublishedPostMortem_whenIdenticalContentPublishedWithItemIds_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(publishPostMortem(List.of(new RemediationItemDraft("item-1", TESTING, null, null),
                        new RemediationItemDraft("item-2", CONFIGURATION, null, null),
                        new RemediationItemDraft("item-3", MONITORING, null, null))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenPublishedPostMortem_whenIdenticalContentPublishedWithoutItemIds_thenNothingHappens() {
        fixture.given(resolvedHistory())
                .andGiven(postMortemPublished())
                .when(publishPostMortem(remediationDrafts()))
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void givenPostMortemWithTwoItemsOfTheSameTitle_whenIdenticalContentPublishedWithoutItemIds_thenNothingHappens() {
        List<RemediationItem> items = List.of(new RemediationItem("item-1", MONITORING, "Talk team", null),
                new RemediationItem("item-2", MONITORING, "Storage team", null));
        fixture.given(resolvedHistory())
                .andGiven(new PostMortemPublished(INCIDENT_ID, 1, SUMMARY, ROOT_CAUSE, RESOLUTION, items, NOW, NOW))
                .when(publishPostMortem(List.of(new RemediationItemDraft(null, MONITORING, "Talk team", null),
                        new RemediationItemDraft(null, MONITORING, "Storage team", null))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenPostMortemWithTwoItemsOfTheSameTitlePublished_thenBothGetTheirOwnIds() {
        fixture.given(resolvedHistory())
                .when(publishPostMortem(List.of(new RemediationItemDraft(null, MONITORING, "Talk team", null),
                        new RemediationItemDraft(null, MONITORING, "Storage team", null))))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 1, SUMMARY, ROOT_CAUSE, RESOLUTION,
                        List.of(new RemediationItem("item-1", MONITORING, "Talk team", null),
                                new RemediationItem("item-2", MONITORING, "Storage team", null)), NOW, NOW));
    }

    @Test
    void givenResolvedIncident_whenItemsWithAndWithoutIdsPublished_thenGeneratedIdsSkipTheGivenOnes() {
        fixture.given(resolvedHistory())
                .when(publishPostMortem(List.of(new RemediationItemDraft(null, TESTING, null, null),
                        new RemediationItemDraft("item-1", CONFIGURATION, null, null),
                        new RemediationItemDraft("monitoring", MONITORING, null, null))))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 1, SUMMARY, ROOT_CAUSE, RESOLUTION,
                        List.of(new RemediationItem("item-2", TESTING, null, null),
                                new RemediationItem("item-1", CONFIGURATION, null, null),
                                new RemediationItem("monitoring", MONITORING, null, null)), NOW, NOW));
    }

    @Test
    void givenResolvedIncident_whenPostMortemWithoutRemediationPublished_thenPublishedWithNoItems() {
        fixture.given(resolvedHistory())
                .when(publishPostMortem(null))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 1, SUMMARY, ROOT_CAUSE, RESOLUTION, List.of(),
                        NOW, NOW));
    }

    @Test
    void givenResolvedIncident_whenPostMortemWith50ItemsPublished_thenPublished() {
        List<RemediationItemDraft> drafts = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> new RemediationItemDraft(null, "Action " + i, null, null)).toList();
        List<RemediationItem> items = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> new RemediationItem("item-" + i, "Action " + i, null, null)).toList();
        fixture.given(resolvedHistory())
                .when(publishPostMortem(drafts))
                .expectEvents(new PostMortemPublished(INCIDENT_ID, 1, SUMMARY, ROOT_CAUSE, RESOLUTION, items, NOW, NOW));
    }

    @Test
    void givenResolvedIncident_whenPostMortemWith51ItemsPublished_thenRefused() {
        List<RemediationItemDraft> drafts = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> new RemediationItemDraft(null, "Action " + i, null, null)).toList();
        fixture.given(resolvedHistory())
                .when(publishPostMortem(drafts))
                .expectException(invalidInput("too-many-remediation-items", "remediation"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenTwoItemsShareAnId_thenRefused() {
        fixture.given(resolvedHistory())
                .when(publishPostMortem(List.of(new RemediationItemDraft("testing", TESTING, null, null),
                        new RemediationItemDraft("testing", CONFIGURATION, null, null))))
                .expectException(invalidInput("duplicate-remediation-item", "remediation[1].id"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenItemHasMalformedId_thenRefused() {
        fixture.given(resolvedHistory())
                .when(publishPostMortem(List.of(new RemediationItemDraft("item 1", TESTING, null, null))))
                .expectException(invalidInput("invalid-id", "remediation[0].id"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenItemHasNoTitle_thenRefused() {
        fixture.given(resolvedHistory())
                .when(publishPostMortem(List.of(new RemediationItemDraft(null, TESTING, null, null),
                        new RemediationItemDraft(null, " ", null, null))))
                .expectException(invalidInput("text-required", "remediation[1].title"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenPostMortemWithoutSummaryPublished_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new PublishPostMortem(INCIDENT_ID, "", ROOT_CAUSE, RESOLUTION, remediationDrafts(), null, null))
                .expectException(invalidInput("text-required", "summary"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenPostMortemWithoutRootCausePublished_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new PublishPostMortem(INCIDENT_ID, SUMMARY, null, RESOLUTION, remediationDrafts(), null, null))
                .expectException(invalidInput("text-required", "rootCause"))
                .expectNoEvents();
    }

    @Test
    void givenResolvedIncident_whenPostMortemWithResolutionOf10001CharactersPublished_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new PublishPostMortem(INCIDENT_ID, SUMMARY, ROOT_CAUSE, "r".repeat(10_001), remediationDrafts(),
                        null, null))
                .expectException(invalidInput("text-too-long", "resolution"))
                .expectNoEvents();
    }
}
