package io.incidenttimeline.api.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The run's figures as two PNG bar charts (XChart): throughput against its baselines and targets, and latency against
 * nginx and the targets. Logarithmic axes, since the figures span several orders of magnitude.
 */
final class Charts {

    private Charts() {
    }

    static void write(Map<String, Figure> figures, String kind, Path out, String large) throws IOException {
        Rows throughput = new Rows();
        throughput.add(figures, "commands-1", "commands/s, 1 client", ratioTarget(kind.equals("postgresql") ? 0.7 : 0.25));
        throughput.add(figures, "commands-8", "commands/s, 8 clients", ratioTarget(kind.equals("postgresql") ? 0.7 : 0.25));
        double rebuildTarget = kind.equals("postgresql") ? 20_000 : 50_000;
        throughput.add(figures, "rebuild-public-view", "rebuild public-view, events/s", f -> rebuildTarget);
        throughput.add(figures, "rebuild-audit-trail", "rebuild audit-trail, events/s", f -> rebuildTarget);
        throughput.add(figures, "summary-rps-small", "summary.json req/s, 1k events", ratioTarget(0.5));
        throughput.add(figures, "summary-rps-large", "summary.json req/s, " + large, ratioTarget(0.5));
        save(throughput, kind + ": throughput against the baseline of the same run (log scale)", "per second", "baseline (same run)", out.resolve(kind + "-throughput.png"));

        Rows latency = new Rows();
        latency.add(figures, "summary-p50-small", "summary.json p50, 1k events", f -> null);
        latency.add(figures, "summary-p99-small", "summary.json p99, 1k events", f -> null);
        latency.add(figures, "summary-p50-large", "summary.json p50, " + large, f -> null);
        latency.add(figures, "summary-p99-large", "summary.json p99, " + large, f -> null);
        save(latency, kind + ": summary.json latency in ms, wrk " + Wrk.THREADS + " threads " + Wrk.CONNECTIONS
                + " connections (log scale; target p99 < 10 ms, flat from 1k to " + large + ")", "ms", "nginx (same run)",
                out.resolve(kind + "-latency.png"));

        Rows targets = new Rows();
        targets.add(figures, "summary-p99-large", "summary.json p99, " + large, f -> 10.0);
        targets.add(figures, "freshness-p99-small", "201 -> visible p99, small store", f -> 250.0);
        targets.add(figures, "freshness-p99-large", "201 -> visible p99, " + large, f -> 250.0);
        targets.add(figures, "time-travel-p99", "time travel p99, 1,000 events", f -> 50.0);
        save(targets, kind + ": latencies against their targets, ms (log scale)", "ms", null,
                out.resolve(kind + "-targets.png"));
    }

    private interface Target {
        Double of(Figure figure);
    }

    private static Target ratioTarget(double ratio) {
        return figure -> figure.baseline() == null ? null : ratio * figure.baseline();
    }

    private static final class Rows {
        final List<String> names = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<Double> baselines = new ArrayList<>();
        final List<Double> targets = new ArrayList<>();

        void add(Map<String, Figure> figures, String key, String name, Target target) {
            Figure figure = figures.get(key);
            if (figure == null) {
                return;
            }
            names.add(name);
            values.add(figure.value());
            baselines.add(figure.baseline());
            targets.add(target.of(figure));
        }
    }

    private static void save(Rows rows, String title, String unit, String baselineName, Path file) throws IOException {
        if (rows.names.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(560).title(title).yAxisTitle(unit).build();
        chart.getStyler().setYAxisLogarithmic(true);
        double smallest = java.util.stream.Stream.of(rows.values, rows.baselines, rows.targets).flatMap(List::stream)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(1);
        // a decade below the smallest bar, so that no bar sits on the axis floor
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest * 0.99))));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setOverlapped(false);
        chart.addSeries("application", rows.names, rows.values);
        if (baselineName != null) {
            chart.addSeries(baselineName, rows.names, rows.baselines);
        }
        if (rows.targets.stream().allMatch(java.util.Objects::nonNull)) {
            chart.addSeries("target", rows.names, rows.targets);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
