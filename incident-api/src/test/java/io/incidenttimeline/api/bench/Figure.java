package io.incidenttimeline.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measured figure: a value per run and, where the issue names one, the baseline measured in the same run. The
 * ratio is taken per run (value / baseline of that run) and its median reported, which keeps a noisy machine's drift
 * out of the comparison.
 */
final class Figure {

    final String key;
    final String name;
    final String unit;
    final String baselineName;
    final String target;
    final List<Double> values = new ArrayList<>();
    final List<Double> baselines = new ArrayList<>();

    Figure(String key, String name, String unit, String baselineName, String target) {
        this.key = key;
        this.name = name;
        this.unit = unit;
        this.baselineName = baselineName;
        this.target = target;
    }

    Figure add(double value, Double baseline) {
        values.add(value);
        if (baseline != null) {
            baselines.add(baseline);
        }
        return this;
    }

    double value() {
        return median(values);
    }

    Double baseline() {
        return baselines.isEmpty() ? null : median(baselines);
    }

    Double ratio() {
        if (baselines.size() != values.size() || baselines.isEmpty()) {
            return null;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / baselines.get(i));
        }
        return median(ratios);
    }

    String runs() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(format(values.get(i)));
            if (i < baselines.size()) {
                text.append(" / ").append(format(baselines.get(i)));
            }
        }
        return text.toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
