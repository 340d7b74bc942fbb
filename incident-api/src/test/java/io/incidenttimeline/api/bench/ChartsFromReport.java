package io.incidenttimeline.api.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws the charts of a report {@link Bench} wrote (docs/bench/&lt;database&gt;.md) again from its table, for a report
 * whose charts were lost: {@code java ... ChartsFromReport docs/bench/h2.md h2 docs/bench "1,000,000 events"}. The
 * figures come from the table's last column (every run's value and baseline).
 */
public final class ChartsFromReport {

    /** The start of a row's name in the report, and the key the charts know the figure by. */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("1. commands/s through HTTP, 1 client", "commands-1");
        KEYS.put("1. commands/s through HTTP, 8 clients", "commands-8");
        KEYS.put("2. rebuild public-view, events/s", "rebuild-public-view");
        KEYS.put("2. rebuild audit-trail, events/s", "rebuild-audit-trail");
        KEYS.put("3. summary.json requests/s (992 events)", "summary-rps-small");
        KEYS.put("3. summary.json requests/s (", "summary-rps-large");
        KEYS.put("3/6. summary.json p50 latency (992 events)", "summary-p50-small");
        KEYS.put("3/6. summary.json p99 latency (992 events)", "summary-p99-small");
        KEYS.put("3/6. summary.json p50 latency (", "summary-p50-large");
        KEYS.put("3/6. summary.json p99 latency (", "summary-p99-large");
        KEYS.put("5. time travel, incident with 1,000 events, p99", "time-travel-p99");
    }

    private ChartsFromReport() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Figure> figures = new LinkedHashMap<>();
        boolean freshnessSeen = false;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] cells = line.split("\\|");
            if (cells.length < 7 || !cells[1].trim().matches("\\d.*")) {
                continue;
            }
            String name = cells[1].trim();
            String key = KEYS.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .filter(k -> !figures.containsKey(k)).findFirst().orElse(null);
            if (name.startsWith("4. lag 201 → visible in summary.json, p99")) {
                key = freshnessSeen ? "freshness-p99-large" : "freshness-p99-small";
                freshnessSeen = true;
            }
            if (key == null) {
                continue;
            }
            Figure figure = new Figure(key, name, "", null, "");
            for (String run : cells[6].trim().split(", (?=[0-9])")) {
                String[] parts = run.split(" / ");
                figure.add(number(parts[0]), parts.length > 1 ? number(parts[1]) : null);
            }
            figures.put(key, figure);
        }
        Charts.write(figures, args[1], Path.of(args[2]), args[3]);
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").trim());
    }
}
