package io.incidenttimeline.api.metrics;

import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.projections.metrics.DurationStats;
import io.incidenttimeline.projections.metrics.IncidentMetricsProjection;
import io.incidenttimeline.projections.metrics.Measure;
import io.incidenttimeline.projections.metrics.MeasureBreakdown;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The incident metrics as gauges (in Prometheus: {@code incident_time_to_<measure>_seconds{quantile, impact,
 * component}}, {@code incident_metrics_incidents{impact, component}} and {@code incident_metrics_measured_incidents{
 * measure, impact, component}}) over the incidents whose impact started within {@code incident.metrics.
 * prometheus-window} before the scrape. Series exist per impact and per component, never per incident; {@value #ALL}
 * stands for every impact or every component. A scrape reads the read model's measure columns once (the figures are
 * kept for a second, so every gauge of one scrape reads the same); a series that appears, such as a component's first
 * incident in the window, is registered beside that scrape and shows from the next one on.
 */
@Component
public class IncidentMetricsMeters implements MeterBinder, DisposableBean {

    /** The label value that stands for every impact or every component. */
    public static final String ALL = "*";

    static final String INCIDENTS = "incident.metrics.incidents";
    static final String MEASURED = "incident.metrics.measured.incidents";
    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(IncidentMetricsMeters.class);

    private final IncidentMetricsProjection metrics;
    private final Clock clock;
    private final Duration window;
    private final Map<String, MultiGauge> gauges = new LinkedHashMap<>();
    private final Map<String, Set<Tags>> registered = new HashMap<>();
    private final ExecutorService registrations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "incident-metrics-meters");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, Set<Tags>> registeredKeys = Map.of();
    private Map<String, Map<Tags, Double>> figures = Map.of();
    /** When the figures were computed ({@link System#nanoTime()}); {@code computed} is false before the first time. */
    private long computedAt;
    private boolean computed;

    public IncidentMetricsMeters(IncidentMetricsProjection metrics, Clock clock, MetricsExportProperties properties) {
        this.metrics = metrics;
        this.clock = clock;
        this.window = properties.prometheusWindow();
    }

    static String timeTo(Measure measure) {
        return "incident.time.to." + measure.metricName().replace('_', '.');
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        synchronized (gauges) {
            bind(registry);
        }
    }

    private void bind(MeterRegistry registry) {
        gauges.put(INCIDENTS, MultiGauge.builder(INCIDENTS).description("incidents whose impact started within the"
                + " window, by highest impact and by component touched").register(registry));
        gauges.put(MEASURED, MultiGauge.builder(MEASURED).description("incidents within the window that have the"
                + " measure").register(registry));
        for (Measure measure : Measure.values()) {
            gauges.put(timeTo(measure), MultiGauge.builder(timeTo(measure)).baseUnit("seconds")
                    .description("median (quantile 0.5) and 90th percentile (0.9) of " + measure.field()
                            + " over the incidents within the window").register(registry));
        }
        // the series that always exist, registered without reading the read model (it may not be migrated yet):
        // the first scrape reads them, computes the figures and registers the others
        register(figures(MeasureBreakdown.of(List.of())));
    }

    /**
     * The figures of this scrape: computed again when they are older than a second. Series that appeared or went are
     * registered or removed on another thread: this one may be inside the registry's scrape, which must not wait for
     * a registration, nor see a family change under it.
     */
    private Map<String, Map<Tags, Double>> current() {
        Map<String, Map<Tags, Double>> now;
        boolean changed;
        synchronized (this) {
            long at = System.nanoTime();
            if (computed && at - computedAt <= FRESH.toNanos()) {
                return figures;
            }
            computed = true;
            computedAt = at;
            try {
                Instant instant = clock.instant();
                figures = figures(MeasureBreakdown.of(metrics.measured(instant.minus(window), instant.plusMillis(1))));
            } catch (RuntimeException e) {
                LOG.warn("incident metrics for Prometheus cannot be computed now: {}", e.toString());
                figures = Map.of();
            }
            now = figures;
            changed = !keys(now).equals(registeredKeys);
            registeredKeys = keys(now);
        }
        if (changed) {
            registrations.execute(() -> register(now));
        }
        return now;
    }

    private static Map<String, Set<Tags>> keys(Map<String, Map<Tags, Double>> figures) {
        Map<String, Set<Tags>> keys = new HashMap<>();
        figures.forEach((name, values) -> keys.put(name, Set.copyOf(values.keySet())));
        return keys;
    }

    @Override
    public void destroy() {
        registrations.shutdownNow();
    }

    private void register(Map<String, Map<Tags, Double>> values) {
        synchronized (gauges) {
            gauges.keySet().forEach(name -> register(name, values.getOrDefault(name, Map.of())));
        }
    }

    private void register(String name, Map<Tags, Double> values) {
        MultiGauge gauge = gauges.get(name);
        if (gauge == null || values.keySet().equals(registered.get(name))) {
            return;
        }
        registered.put(name, Set.copyOf(values.keySet()));
        List<MultiGauge.Row<?>> rows = values.keySet().stream()
                .<MultiGauge.Row<?>>map(tags -> MultiGauge.Row.of(tags, value(name, tags))).toList();
        // never overwrite: a scrape may be reading this family now, and a series removed and added again under the
        // same labels within it is a duplicate to Prometheus; rows that are gone are removed, new ones added
        gauge.register(rows, false);
    }

    private Supplier<Double> value(String name, Tags tags) {
        return () -> current().getOrDefault(name, Map.of()).getOrDefault(tags, Double.NaN);
    }

    static Map<String, Map<Tags, Double>> figures(MeasureBreakdown breakdown) {
        Map<String, Map<Tags, Double>> figures = new LinkedHashMap<>();
        group(figures, ALL, ALL, breakdown.overall());
        for (Impact impact : Impact.values()) {
            MeasureBreakdown.Group group = breakdown.byImpact().get(impact);
            group(figures, impact.wire(), ALL, group == null ? MeasureBreakdown.Group.of(List.of()) : group);
        }
        breakdown.byComponent().forEach((component, group) -> group(figures, ALL, component, group));
        return figures;
    }

    private static void group(Map<String, Map<Tags, Double>> figures, String impact, String component,
                              MeasureBreakdown.Group group) {
        Tags where = Tags.of("impact", impact, "component", component);
        figures.computeIfAbsent(INCIDENTS, n -> new LinkedHashMap<>()).put(where, (double) group.incidents());
        for (Measure measure : Measure.values()) {
            DurationStats stats = group.stats(measure);
            figures.computeIfAbsent(MEASURED, n -> new LinkedHashMap<>())
                    .put(where.and("measure", measure.metricName()), (double) stats.count());
            if (stats.count() > 0) {
                Map<Tags, Double> quantiles = figures.computeIfAbsent(timeTo(measure), n -> new LinkedHashMap<>());
                quantiles.put(where.and("quantile", "0.5"), seconds(stats.median()));
                quantiles.put(where.and("quantile", "0.9"), seconds(stats.p90()));
            }
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
