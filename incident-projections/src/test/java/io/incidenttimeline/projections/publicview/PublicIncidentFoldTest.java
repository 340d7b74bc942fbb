package io.incidenttimeline.projections.publicview;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.incident.PostMortemSections;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItem;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.metrics.IncidentMetrics;
import io.incidenttimeline.projections.support.ReadModelJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicIncidentFoldTest {

    private static final String ID = "inc-1";
    private static final Instant T0 = Instant.parse("2024-07-05T13:31:00Z");
    private static final Instant RECORDED = Instant.parse("2024-07-20T08:00:00Z");
    private static final String COMPONENT = "talk-call-recordings";

    private static IncidentDeclared declared(Visibility ignored) {
        return new IncidentDeclared(ID, "Call recordings unavailable", "en", Impact.MAJOR,
                Map.of(COMPONENT, ComponentStatus.PARTIAL_OUTAGE), List.of(), T0, RECORDED);
    }

    private static UpdatePosted update(String id, IncidentStatus status, Visibility visibility, Instant at,
                                       Map<String, ComponentStatus> components, Instant due) {
        return new UpdatePosted(ID, id, status, "text of " + id, visibility, components, due, at, RECORDED);
    }

    @Test
    void anIncidentWithOnlyInternalUpdatesIsNotVisibleAndKeepsNoTraceOfThem() {
        PublicIncident state = PublicIncidentFold.fold(List.of(declared(Visibility.INTERNAL),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.INTERNAL, T0, Map.of(), null)));

        assertThat(state.visible()).isFalse();
        assertThat(ReadModelJson.write(state)).doesNotContain("text of u1").doesNotContain("u1");
    }

    @Test
    void theReferenceIncidentFoldsToItsPublicFacts() {
        Instant due = T0.plus(Duration.ofMinutes(30));
        Instant later = Instant.parse("2024-07-05T13:52:00Z");
        PublicIncident state = PublicIncidentFold.fold(List.of(
                declared(Visibility.PUBLIC),
                update("u1331", IncidentStatus.IDENTIFIED, Visibility.PUBLIC, T0, Map.of(COMPONENT, ComponentStatus.PARTIAL_OUTAGE), due),
                update("secret", IncidentStatus.IDENTIFIED, Visibility.INTERNAL, T0.plusSeconds(60), Map.of(), null),
                new ImpactWindowRecorded(ID, Instant.parse("2024-07-05T10:54:00Z"), Instant.parse("2024-07-05T13:36:00Z"),
                        "logs", later, RECORDED),
                update("u1352", IncidentStatus.RESOLVED, Visibility.PUBLIC, later, Map.of(COMPONENT, ComponentStatus.OPERATIONAL), null),
                new PostMortemPublished(ID, 1, "summary", "root cause", "resolution",
                        List.of(new RemediationItem("improved-testing", "Improved testing", null, null)), later, RECORDED),
                new RemediationItemCompleted(ID, "improved-testing", later, RECORDED),
                new TranslationAdded(ID, "de", true, "engine", "Titel", Map.of("u1331", "Text 1331", "secret", "geheim"),
                        new PostMortemSections("Zusammenfassung", null, null), later, RECORDED)));

        assertThat(state.visible()).isTrue();
        assertThat(state.resolved()).isTrue();
        assertThat(state.resolvedAt()).isEqualTo(later);
        assertThat(state.updatesNewestFirst()).extracting(PublicUpdate::id).containsExactly("u1352", "u1331");
        assertThat(state.components()).containsEntry(COMPONENT, ComponentStatus.OPERATIONAL);
        assertThat(state.transitions("u1352")).containsExactly(
                new PublicIncident.Transition(COMPONENT, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL));
        assertThat(state.translations().get("de").updates()).containsOnlyKeys("u1331");
        assertThat(state.postMortem().remediation().get(0).completed()).isTrue();
        assertThat(ReadModelJson.write(state)).doesNotContain("secret").doesNotContain("geheim");
        assertThat(ReadModelJson.read(ReadModelJson.write(state), PublicIncident.class)).isEqualTo(state);

        IncidentMetrics metrics = IncidentMetrics.of(state, RECORDED);
        assertThat(metrics.timeToFirstPublicUpdate()).isEqualTo(Duration.ofMinutes(157));
        assertThat(metrics.promisesKept()).isEqualTo(1);
        assertThat(metrics.promisesBroken()).isZero();
    }

    @Test
    void aRetractedUpdateDisappearsWithItsComponentChangeAndAnAmendedOneIsMarkedEdited() {
        PublicIncident state = PublicIncidentFold.fold(List.of(
                declared(Visibility.PUBLIC),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, T0, Map.of(), T0.plusSeconds(1800)),
                update("u2", IncidentStatus.IDENTIFIED, Visibility.PUBLIC, T0.plusSeconds(60),
                        Map.of(COMPONENT, ComponentStatus.MAJOR_OUTAGE), null),
                new UpdateRetracted(ID, "u2", "wrong incident", T0.plusSeconds(120), RECORDED),
                new UpdateAmended(ID, "u1", "corrected text", "typo", T0.plusSeconds(180), RECORDED)));

        assertThat(state.updates()).extracting(PublicUpdate::id).containsExactly("u1");
        assertThat(state.updates().get(0).message()).isEqualTo("corrected text");
        assertThat(state.updates().get(0).edited()).isTrue();
        assertThat(state.components()).containsEntry(COMPONENT, ComponentStatus.PARTIAL_OUTAGE);
        assertThat(state.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(state.overdue(T0.plusSeconds(1801))).isTrue();
        assertThat(state.overdue(T0.plusSeconds(1799))).isFalse();
    }

    @Test
    void retractingTheOnlyPublicUpdateHidesTheIncidentAgain() {
        PublicIncident state = PublicIncidentFold.fold(List.of(declared(Visibility.PUBLIC),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, T0, Map.of(), null),
                new UpdateRetracted(ID, "u1", "posted too early", T0.plusSeconds(60), RECORDED)));

        assertThat(state.visible()).isFalse();
    }
}
