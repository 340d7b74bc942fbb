package io.incidenttimeline.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.projections.metrics.Measure;
import io.incidenttimeline.projections.metrics.MeasureBreakdown;
import io.incidenttimeline.projections.metrics.MeasuredIncident;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The series the Prometheus export has: per impact and per component, "*" for all, never per incident. */
class IncidentMetricsMetersTest {

    @Test
    void everyImpactAndEveryComponentTouchedHasItsSeries_andTheOverallOnesUseTheStar() {
        var figures = IncidentMetricsMeters.figures(MeasureBreakdown.of(List.of(
                new MeasuredIncident("a", Impact.MAJOR, List.of("calls", "recordings"),
                        Map.of(Measure.MITIGATE, Duration.ofMinutes(162))),
                new MeasuredIncident("b", Impact.MINOR, List.of("recordings"),
                        Map.of(Measure.MITIGATE, Duration.ofMinutes(60))))));

        Map<Tags, Double> mitigate = figures.get("incident.time.to.mitigate");
        assertThat(mitigate.get(Tags.of("impact", "*", "component", "*", "quantile", "0.5"))).isEqualTo(6660.0);
        assertThat(mitigate.get(Tags.of("impact", "major", "component", "*", "quantile", "0.9"))).isEqualTo(9720.0);
        assertThat(mitigate.get(Tags.of("impact", "*", "component", "recordings", "quantile", "0.9")))
                .as("60 + 0.9 * 102 minutes").isEqualTo(9108.0);
        assertThat(mitigate).doesNotContainKey(Tags.of("impact", "critical", "component", "*", "quantile", "0.5"));
        assertThat(figures).doesNotContainKey("incident.time.to.detect");
        assertThat(figures.get(IncidentMetricsMeters.INCIDENTS)).containsEntry(Tags.of("impact", "critical",
                "component", "*"), 0.0).containsEntry(Tags.of("impact", "*", "component", "calls"), 1.0)
                .containsEntry(Tags.of("impact", "*", "component", "recordings"), 2.0).hasSize(1 + 4 + 2);
        assertThat(figures.get(IncidentMetricsMeters.MEASURED)).containsEntry(Tags.of("impact", "*",
                "component", "*", "measure", "detect"), 0.0).hasSize((1 + 4 + 2) * Measure.values().length);
        assertThat(figures.values().stream().flatMap(series -> series.keySet().stream())
                .flatMap(tags -> tags.stream()).map(tag -> tag.getValue())).doesNotContain("a", "b");
    }

    @Test
    void theFirstPublicUpdatesMetricNameFollowsTheMeasure() {
        assertThat(IncidentMetricsMeters.timeTo(Measure.FIRST_PUBLIC_UPDATE)).isEqualTo(
                "incident.time.to.first.public.update");
    }
}
