package io.incidenttimeline.projections.publicview;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItem;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.support.ReadModelJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event stores from before a post-mortem needed a public resolution may hold one published while only an internal
 * update had resolved the incident: readers never see it before a public update resolves the incident.
 */
class WithheldPostMortemFoldTest {

    private static final String ID = "inc-withheld";
    private static final Instant T0 = Instant.parse("2024-07-05T13:31:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static UpdatePosted update(String id, IncidentStatus status, Visibility visibility, int minute) {
        return new UpdatePosted(ID, id, status, "text of " + id, visibility, Map.of(), null, at(minute), at(minute));
    }

    private static PostMortemPublished postMortem(int revision, int minute) {
        return new PostMortemPublished(ID, revision, "Summary " + revision, "Root cause", "Resolution",
                List.of(new RemediationItem("testing", "Improved testing", null, null)), at(minute), at(minute));
    }

    /** Investigating in public, resolved by an internal update. */
    private static List<Object> resolvedInternally(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new IncidentDeclared(ID, "Uploads fail", "en", Impact.MAJOR, Map.of(), List.of(), T0, T0),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, 1),
                update("internal", IncidentStatus.RESOLVED, Visibility.INTERNAL, 2)));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void aPostMortemOfAnIncidentResolvedOnlyInternallyChangesNothingReadersSee() {
        PublicIncident before = PublicIncidentFold.fold(resolvedInternally());
        PublicIncident after = PublicIncidentFold.fold(resolvedInternally(postMortem(1, 10),
                new RemediationItemCompleted(ID, "testing", at(11), at(11))));

        assertThat(after.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(after.postMortem()).isNull();
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
        assertThat(after.sameForReaders(before)).isTrue();
        assertThat(after.withheldPostMortem().remediation().get(0).completed()).isTrue();
        assertThat(ReadModelJson.read(ReadModelJson.write(after), PublicIncident.class)).isEqualTo(after);
    }

    @Test
    void aWithheldPostMortemIsShownOnceAPublicUpdateResolvesTheIncidentAsPublishedThen() {
        PublicIncident state = PublicIncidentFold.fold(resolvedInternally(postMortem(1, 10),
                new RemediationItemCompleted(ID, "testing", at(11), at(11)),
                update("u2", IncidentStatus.RESOLVED, Visibility.PUBLIC, 20)));

        assertThat(state.resolved()).isTrue();
        assertThat(state.withheldPostMortem()).isNull();
        assertThat(state.postMortem().summary()).isEqualTo("Summary 1");
        assertThat(state.postMortem().publishedAt()).isEqualTo(at(20));
        assertThat(state.postMortem().remediation().get(0).completed()).isTrue();
        assertThat(state.updatedAt()).isEqualTo(at(20));
    }

    @Test
    void aRetractionThatLeavesAPublicResolutionStandingShowsTheWithheldPostMortem() {
        PublicIncident state = PublicIncidentFold.fold(List.of(
                new IncidentDeclared(ID, "Uploads fail", "en", Impact.MAJOR, Map.of(), List.of(), T0, T0),
                update("u1", IncidentStatus.RESOLVED, Visibility.PUBLIC, 1),
                update("u2", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, 2),
                update("internal", IncidentStatus.RESOLVED, Visibility.INTERNAL, 3),
                postMortem(1, 10),
                new UpdateRetracted(ID, "u2", "posted on the wrong incident", at(15), at(15))));

        assertThat(state.resolved()).isTrue();
        assertThat(state.postMortem().publishedAt()).isEqualTo(at(15));
    }

    @Test
    void aRevisionWhileReopenedInPublicIsWithheldAndTheShownRevisionStays() {
        PublicIncident state = PublicIncidentFold.fold(List.of(
                new IncidentDeclared(ID, "Uploads fail", "en", Impact.MAJOR, Map.of(), List.of(), T0, T0),
                update("u1", IncidentStatus.RESOLVED, Visibility.PUBLIC, 1),
                postMortem(1, 5),
                update("u2", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, 10),
                update("internal", IncidentStatus.RESOLVED, Visibility.INTERNAL, 11),
                postMortem(2, 12)));

        assertThat(state.postMortem().revision()).isEqualTo(1);
        assertThat(state.withheldPostMortem().revision()).isEqualTo(2);

        PublicIncident resolved = PublicIncidentFold.apply(state, update("u3", IncidentStatus.RESOLVED, Visibility.PUBLIC, 20));
        assertThat(resolved.postMortem().revision()).isEqualTo(2);
        assertThat(resolved.postMortem().publishedAt()).isEqualTo(at(5));
        assertThat(resolved.postMortem().revisedAt()).isEqualTo(at(20));
    }
}
