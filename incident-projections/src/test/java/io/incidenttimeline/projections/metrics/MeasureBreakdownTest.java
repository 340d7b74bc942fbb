package io.incidenttimeline.projections.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.shared.Impact;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians and 90th percentiles, overall, by impact and by component. */
class MeasureBreakdownTest {

    private static MeasuredIncident incident(String id, Impact impact, List<String> components, long mitigateMinutes,
                                             Long detectMinutes) {
        return new MeasuredIncident(id, impact, components, detectMinutes == null
                ? Map.of(Measure.MITIGATE, Duration.ofMinutes(mitigateMinutes))
                : Map.of(Measure.MITIGATE, Duration.ofMinutes(mitigateMinutes), Measure.DETECT,
                        Duration.ofMinutes(detectMinutes)));
    }

    @Test
    void percentilesInterpolateBetweenTheNearestRanks() {
        DurationStats stats = DurationStats.of(List.of(Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(3),
                Duration.ofHours(2)));

        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.median()).isEqualTo(Duration.ofMinutes(150));
        assertThat(stats.p90()).isEqualTo(Duration.ofMinutes(222));
    }

    @Test
    void oneValueIsItsOwnMedianAndPercentile_andNoneHasNeither() {
        DurationStats one = DurationStats.of(List.of(Duration.ofMinutes(162)));

        assertThat(one.median()).isEqualTo(Duration.ofMinutes(162));
        assertThat(one.p90()).isEqualTo(Duration.ofMinutes(162));
        assertThat(DurationStats.of(List.of())).isEqualTo(DurationStats.NONE);
        assertThat(DurationStats.NONE.median()).isNull();
    }

    @Test
    void anOddCountHasItsMiddleValueAsMedian() {
        List<Duration> minutes = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L, 110L).stream()
                .map(Duration::ofMinutes).toList();

        DurationStats stats = DurationStats.of(minutes);

        assertThat(stats.median()).isEqualTo(Duration.ofMinutes(60));
        assertThat(stats.p90()).isEqualTo(Duration.ofMinutes(100));
    }

    @Test
    void incidentsWithoutAMeasureAreLeftOutOfItsFiguresButCounted() {
        MeasureBreakdown breakdown = MeasureBreakdown.of(List.of(
                incident("a", Impact.MAJOR, List.of("calls"), 60, 10L),
                incident("b", Impact.MAJOR, List.of("calls", "recordings"), 120, null),
                incident("c", Impact.MINOR, List.of("recordings"), 30, null)));

        assertThat(breakdown.overall().incidents()).isEqualTo(3);
        assertThat(breakdown.overall().stats(Measure.MITIGATE).median()).isEqualTo(Duration.ofMinutes(60));
        assertThat(breakdown.overall().stats(Measure.DETECT))
                .isEqualTo(new DurationStats(1, Duration.ofMinutes(10), Duration.ofMinutes(10)));
        assertThat(breakdown.overall().stats(Measure.RESOLVE)).isEqualTo(DurationStats.NONE);
    }

    @Test
    void byImpactEachIncidentCountsOnce_byComponentUnderEveryComponentItTouched() {
        MeasureBreakdown breakdown = MeasureBreakdown.of(List.of(
                incident("a", Impact.MAJOR, List.of("calls"), 60, null),
                incident("b", Impact.MAJOR, List.of("calls", "recordings"), 120, null),
                incident("c", Impact.MINOR, List.of("recordings"), 30, null)));

        assertThat(breakdown.byImpact()).containsOnlyKeys(Impact.MAJOR, Impact.MINOR);
        assertThat(breakdown.byImpact().get(Impact.MAJOR).incidents()).isEqualTo(2);
        assertThat(breakdown.byImpact().get(Impact.MAJOR).stats(Measure.MITIGATE).median())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(breakdown.byImpact().get(Impact.MAJOR).stats(Measure.MITIGATE).p90())
                .isEqualTo(Duration.ofMinutes(114));
        assertThat(breakdown.byComponent()).containsOnlyKeys("calls", "recordings");
        assertThat(breakdown.byComponent().get("recordings").incidents()).isEqualTo(2);
        assertThat(breakdown.byComponent().get("recordings").stats(Measure.MITIGATE).median())
                .isEqualTo(Duration.ofMinutes(75));
    }
}
