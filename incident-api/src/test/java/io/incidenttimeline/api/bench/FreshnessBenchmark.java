package io.incidenttimeline.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Incidents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures how soon a public update shows in /api/v2/summary.json after its command answered 201, on one node with the
 * embedded H2 store. A benchmark, not a test: it prints the distribution and asserts no timing. Surefire does not pick
 * it up by default; run it with {@code mvn -B test -pl incident-api -am -Dtest=FreshnessBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Dfreshness.samples=500}).
 */
class FreshnessBenchmark extends ApiIntegrationTest {

    private static final int UPDATES_PER_INCIDENT = 20;

    @Test
    void lagFromCreatedToVisibleInSummary() {
        int samples = Integer.getInteger("freshness.samples", 200);
        int warmup = 20;
        List<Double> lags = new ArrayList<>();
        String incident = null;
        for (int i = 0; i < samples + warmup; i++) {
            if (i % UPDATES_PER_INCIDENT == 0) {
                if (incident != null) {
                    Incidents.post(api, incident, Bodies.update("resolved", "Resolved."));
                }
                incident = ApiClient.uniqueId("fresh");
                Incidents.declare(api, Bodies.declaration(incident));
            }
            String marker = "freshness-" + i + "-" + System.nanoTime();
            Incidents.post(api, incident, Bodies.update("identified", marker));
            long created = System.nanoTime();
            long deadline = created + 10_000_000_000L;
            while (!api.get("/api/v2/summary.json").send().body().contains(marker)) {
                assertThat(System.nanoTime()).as("update " + i + " visible within 10 s").isLessThan(deadline);
            }
            double lagMillis = (System.nanoTime() - created) / 1_000_000.0;
            if (i >= warmup) {
                lags.add(lagMillis);
                if (lagMillis > 300) {
                    System.out.printf(Locale.ROOT, "FRESHNESS slow sample %d: %.1f ms%n", i, lagMillis);
                }
            }
        }
        Collections.sort(lags);
        System.out.printf(Locale.ROOT, "FRESHNESS summary.json after 201, %d samples (ms): min %.1f, p50 %.1f, p90 %.1f,"
                        + " p99 %.1f, max %.1f, mean %.1f%n", lags.size(), lags.get(0), percentile(lags, 50),
                percentile(lags, 90), percentile(lags, 99), lags.get(lags.size() - 1),
                lags.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
