package io.incidenttimeline.projections.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics read model's fold and the measures computed from it, on the reference incident's times. */
class IncidentMetricsFoldTest {

    private static final String ID = "talk-call-recordings-2024-07-05";
    private static final String COMPONENT = "talk-call-recordings";
    private static final Instant IMPACT = Instant.parse("2024-07-05T10:54:00Z");
    private static final Instant UPDATE_1 = Instant.parse("2024-07-05T13:31:00Z");
    private static final Instant UPDATE_2 = Instant.parse("2024-07-05T13:52:00Z");
    private static final Instant NOW = Instant.parse("2024-07-10T00:00:00Z");

    private static IncidentDeclared declared(Instant at) {
        return new IncidentDeclared(ID, "Call recordings unavailable", "en", Impact.MAJOR,
                Map.of(COMPONENT, ComponentStatus.PARTIAL_OUTAGE), List.of(), at, at);
    }

    private static UpdatePosted update(String id, IncidentStatus status, Visibility visibility, Instant at,
                                       Map<String, ComponentStatus> components) {
        return new UpdatePosted(ID, id, status, "text", visibility, components, null, at, at);
    }

    private static LifecycleTimeRecorded moment(String moment, Instant at, Instant previous) {
        return new LifecycleTimeRecorded(ID, moment, at, previous, previous == null ? null : "corrected", NOW, NOW);
    }

    /** The reference incident as told, with the lifecycle times the seed implies. */
    private static List<Object> reference() {
        List<Object> events = new ArrayList<>();
        events.add(declared(UPDATE_1));
        events.add(update("u1", IncidentStatus.IDENTIFIED, Visibility.PUBLIC, UPDATE_1, Map.of(COMPONENT,
                ComponentStatus.PARTIAL_OUTAGE)));
        events.add(new ImpactWindowRecorded(ID, IMPACT, Instant.parse("2024-07-05T13:36:00Z"), null, UPDATE_2,
                UPDATE_2));
        events.add(update("u2", IncidentStatus.RESOLVED, Visibility.PUBLIC, UPDATE_2, Map.of(COMPONENT,
                ComponentStatus.OPERATIONAL)));
        events.add(new IncidentResolved(ID, "u2", UPDATE_2, UPDATE_2));
        events.add(moment("detected", Instant.parse("2024-07-05T13:10:00Z"), null));
        events.add(moment("acknowledged", Instant.parse("2024-07-05T13:15:00Z"), null));
        events.add(moment("identified", UPDATE_1, null));
        events.add(moment("mitigated", Instant.parse("2024-07-05T13:36:00Z"), null));
        events.add(moment("resolved", UPDATE_2, null));
        return events;
    }

    @Test
    void givenTheReferenceIncident_whenMeasured_thenEveryMeasureRunsFromTheImpactWindowsStart() {
        IncidentMetrics metrics = IncidentMetrics.of(IncidentMetricsFold.fold(reference()), NOW);

        assertThat(metrics.impactStartedAt()).isEqualTo(IMPACT);
        assertThat(metrics.duration(Measure.DETECT)).isEqualTo(Duration.parse("PT2H16M"));
        assertThat(metrics.duration(Measure.ACKNOWLEDGE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(metrics.duration(Measure.MITIGATE)).isEqualTo(Duration.parse("PT2H42M"));
        assertThat(metrics.duration(Measure.FIRST_PUBLIC_UPDATE)).isEqualTo(Duration.parse("PT2H37M"));
        assertThat(metrics.duration(Measure.RESOLVE)).isEqualTo(Duration.parse("PT2H58M"));
        assertThat(metrics.moments()).containsOnlyKeys("detected", "acknowledged", "identified", "mitigated",
                "resolved");
        assertThat(metrics.impact()).isEqualTo(Impact.MAJOR);
        assertThat(metrics.components()).containsExactly(COMPONENT);
    }

    @Test
    void givenNoLifecycleTimes_whenMeasured_thenResolutionComesFromTheResolvingUpdateAndTheRestIsUnknown() {
        List<Object> events = reference().subList(0, 5);

        IncidentMetrics metrics = IncidentMetrics.of(IncidentMetricsFold.fold(events), NOW);

        assertThat(metrics.resolvedAt()).isEqualTo(UPDATE_2);
        assertThat(metrics.duration(Measure.RESOLVE)).isEqualTo(Duration.parse("PT2H58M"));
        assertThat(metrics.durations()).containsOnlyKeys(Measure.FIRST_PUBLIC_UPDATE, Measure.RESOLVE);
        assertThat(metrics.detectedAt()).isNull();
        assertThat(metrics.mitigatedAt()).isNull();
    }

    @Test
    void givenNoImpactWindow_whenMeasured_thenImpactStartsAtTheDeclaration() {
        List<Object> events = new ArrayList<>(reference());
        events.remove(2);

        IncidentMetrics metrics = IncidentMetrics.of(IncidentMetricsFold.fold(events), NOW);

        assertThat(metrics.impactStartedAt()).isEqualTo(UPDATE_1);
        assertThat(metrics.duration(Measure.MITIGATE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(metrics.duration(Measure.DETECT)).isEqualTo(Duration.ofMinutes(-21));
    }

    @Test
    void givenACorrectedLifecycleTime_whenMeasured_thenTheLaterRecordingReplacesTheEarlier() {
        List<Object> events = new ArrayList<>(reference());
        events.add(moment("mitigated", Instant.parse("2024-07-05T13:40:00Z"), Instant.parse("2024-07-05T13:36:00Z")));

        IncidentMetrics metrics = IncidentMetrics.of(IncidentMetricsFold.fold(events), NOW);

        assertThat(metrics.mitigatedAt()).isEqualTo(Instant.parse("2024-07-05T13:40:00Z"));
        assertThat(metrics.duration(Measure.MITIGATE)).isEqualTo(Duration.parse("PT2H46M"));
    }

    @Test
    void givenARecordedResolvedTime_whenTheUpdateSaysOtherwise_thenTheRecordedTimeWins() {
        List<Object> events = new ArrayList<>(reference());
        events.add(moment("resolved", Instant.parse("2024-07-05T14:00:00Z"), UPDATE_2));

        IncidentMetrics metrics = IncidentMetrics.of(IncidentMetricsFold.fold(events), NOW);

        assertThat(metrics.resolvedAt()).isEqualTo(Instant.parse("2024-07-05T14:00:00Z"));
        assertThat(metrics.duration(Measure.RESOLVE)).isEqualTo(Duration.parse("PT3H6M"));
    }

    @Test
    void givenAReopenedIncident_thenItIsNotResolvedEvenWithARecordedTime_untilAnUpdateResolvesItAgain() {
        List<Object> events = new ArrayList<>(reference());
        events.add(moment("resolved", Instant.parse("2024-07-05T14:00:00Z"), UPDATE_2));
        Instant reopened = Instant.parse("2024-07-05T15:00:00Z");
        events.add(new IncidentReopened(ID, "u3", reopened, reopened));
        events.add(update("u3", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, reopened, Map.of()));

        IncidentMetrics open = IncidentMetrics.of(IncidentMetricsFold.fold(events), NOW);
        assertThat(open.resolvedAt()).isNull();
        assertThat(open.duration(Measure.RESOLVE)).isNull();
        assertThat(open.moments()).doesNotContainKey("resolved");

        Instant again = Instant.parse("2024-07-05T16:00:00Z");
        events.add(update("u4", IncidentStatus.RESOLVED, Visibility.PUBLIC, again, Map.of()));
        events.add(new IncidentResolved(ID, "u4", again, again));
        IncidentMetrics resolved = IncidentMetrics.of(IncidentMetricsFold.fold(events), NOW);
        assertThat(resolved.resolvedAt()).isEqualTo(again);
        assertThat(resolved.duration(Measure.RESOLVE)).isEqualTo(Duration.parse("PT5H6M"));
    }

    @Test
    void givenARetractedFirstUpdate_whenMeasured_thenTheFirstPublicUpdateIsTheNextThatStands() {
        List<Object> events = new ArrayList<>(reference());
        events.add(new UpdateRetracted(ID, "u1", "posted on the wrong incident", NOW, NOW));

        IncidentMetrics metrics = IncidentMetrics.of(IncidentMetricsFold.fold(events), NOW);

        assertThat(metrics.firstPublicUpdateAt()).isEqualTo(UPDATE_2);
        assertThat(metrics.duration(Measure.FIRST_PUBLIC_UPDATE)).isEqualTo(Duration.parse("PT2H58M"));
    }

    @Test
    void givenAnImpactRaisedThenLowered_whenGrouped_thenTheHighestCountsAndEveryComponentTouched() {
        List<Object> events = new ArrayList<>(reference());
        events.add(new ImpactChanged(ID, Impact.CRITICAL, Map.of("talk-calls", ComponentStatus.MAJOR_OUTAGE), NOW, NOW));
        events.add(new ImpactChanged(ID, Impact.MINOR, Map.of(COMPONENT, ComponentStatus.OPERATIONAL), NOW, NOW));
        events.add(update("internal", IncidentStatus.RESOLVED, Visibility.INTERNAL, NOW,
                Map.of("talk-chat", ComponentStatus.OPERATIONAL)));

        MetricsIncident incident = IncidentMetricsFold.fold(events);

        assertThat(incident.highestImpact()).isEqualTo(Impact.CRITICAL);
        assertThat(incident.view().impact()).isEqualTo(Impact.MINOR);
        assertThat(incident.components()).containsExactly("talk-call-recordings", "talk-calls", "talk-chat");
    }

    @Test
    void givenLifecycleTimes_whenFolded_thenThePublicViewInsideIsTheSameAsWithout() {
        List<Object> events = reference();
        List<Object> publicOnly = events.stream().filter(e -> !(e instanceof LifecycleTimeRecorded)).toList();

        assertThat(IncidentMetricsFold.fold(events).view()).isEqualTo(PublicIncidentFold.fold(publicOnly));
        assertThat(IncidentMetrics.of(PublicIncidentFold.fold(events), NOW).moments()).isEmpty();
    }

    @Test
    void givenEventsBeforeTheDeclaration_whenFolded_thenThereIsNoIncident() {
        assertThat(IncidentMetricsFold.apply(null, moment("detected", IMPACT, null))).isNull();
    }
}
