package io.incidenttimeline.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The benchmark of issue #8: every figure with the baseline measured in the same run, on H2 or PostgreSQL. Not a
 * test; {@code scripts/bench [h2|postgresql]} builds and runs it (docs/benchmarks.md). It prints each figure as it
 * goes, then a table of medians over the runs with their baselines and per-run ratios, and writes that table and two
 * charts into docs/bench/. It asserts no timing.
 * <p>
 * System properties: {@code bench.events} (store size for the large figures, default 1,000,000), {@code bench.runs}
 * (3), {@code bench.rebuild-runs} (as many as runs), {@code bench.seconds} (per command-throughput run, 10), {@code bench.wrk-seconds} (10),
 * {@code bench.freshness-samples} (300), {@code bench.out} (docs/bench), {@code bench.figures} (which groups of figures
 * run, for a quick look at one of them: {@code reads,commands,time-travel,rebuild}, all of them by default).
 */
public final class Bench {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int REBUILD_RUNS = Integer.getInteger("bench.rebuild-runs", RUNS);
    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final int WRK_SECONDS = Integer.getInteger("bench.wrk-seconds", 10);
    private static final int FRESHNESS = Integer.getInteger("bench.freshness-samples", 300);
    private static final int TIME_TRAVEL_EVENTS = 1000;
    private static final int SMALL_STORE = 1000;
    /** Which groups of figures run: {@code reads} (3, 4, 6), {@code commands} (1), {@code time-travel} (5), {@code rebuild} (2, 7). */
    private static final List<String> PARTS = List.of(System.getProperty("bench.figures",
            "reads,commands,time-travel,rebuild").split(","));

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<Double> loads = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "h2";
        Path out = Path.of(System.getProperty("bench.out", "docs/bench"));
        Path dataDir = Files.createTempDirectory("incident-bench-");
        Bench bench = new Bench();
        long started = System.nanoTime();
        try (BenchDatabase database = BenchDatabase.of(kind);
             BenchApp app = new BenchApp(dataDir, database.properties);
             Nginx nginx = new Nginx(dataDir.resolve("nginx"))) {
            bench.run(app, nginx);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
        Files.createDirectories(out);
        String report = bench.report(kind, Duration.ofNanos(System.nanoTime() - started));
        System.out.println(report);
        Files.writeString(out.resolve(kind + ".md"), report);
        Charts.write(bench.figures, kind, out, String.format(Locale.ROOT, "%,d events", EVENTS));
    }

    private void run(BenchApp app, Nginx nginx) throws Exception {
        note("start");
        BenchHttp http = app.http;
        Workload.defineComponents(http);
        for (int n = 0; app.head() < SMALL_STORE - 10; n++) {
            Workload.incidentStory(http, "seed-" + n, n, n % 25 != 0);
        }
        app.awaitProjections();
        note("seeded " + app.head() + " events through the API");
        if (PARTS.contains("reads")) {
            wrk(app, nginx, "small");
        }
        if (PARTS.contains("commands")) {
            commands(app);
        }
        String incident = Latencies.longIncident(http, TIME_TRAVEL_EVENTS);
        app.awaitProjections();
        if (PARTS.contains("time-travel")) {
            timeTravel(http, incident);
        }
        http.command("/api/v1/incidents/" + incident + "/updates", Workload.update("resolved", "Resolved.", "public"), 201);
        if (PARTS.contains("reads")) {
            freshness(app, "small");
        }
        if (PARTS.contains("rebuild")) {
            rebuild(app, incident);
            memory();
        }
        if (PARTS.contains("reads")) {
            app.awaitProjections(List.of("public-view", "audit-trail"));
            wrk(app, nginx, "large");
            freshness(app, "large");
        }
        note("end");
    }

    private void commands(BenchApp app) throws Exception {
        boolean postgres = isPostgres(app);
        CommandThroughput commands = new CommandThroughput(app);
        for (int run = 0; run < RUNS; run++) {
            for (int clients : new int[] {1, 8}) {
                double baseline = commands.rawJdbc(clients, SECONDS);
                double cpu = Machine.processCpuSeconds();
                long started = System.nanoTime();
                double value = commands.http(clients, SECONDS);
                double cores = (Machine.processCpuSeconds() - cpu) / ((System.nanoTime() - started) / 1e9);
                app.awaitProjections();
                figure("commands-cpu-" + clients, "1. JVM CPU per command, " + clients + (clients == 1 ? " client"
                        : " clients") + " (application, its processors and the HTTP clients)", "CPU-ms", null,
                        clients == 1 ? "≤ 2.0 CPU-ms (#20)" : "≤ 1.5 CPU-ms (#20)")
                        .add(1000 * cores / value, null);
                figure("commands-" + clients, "1. commands/s through HTTP, " + clients + (clients == 1 ? " client"
                        : " clients"), "commands/s", "raw JDBC insert+commit of one event-sized row, "
                        + clients + (clients == 1 ? " thread" : " threads"), commandTarget(clients, postgres)).add(value, baseline);
                note(String.format(Locale.ROOT, "commands, %d clients: %.0f/s, raw JDBC %.0f/s; the JVM used %.2f cores, "
                        + "%.1f CPU-ms per command", clients, value, baseline, cores, 1000 * cores / value));
            }
        }
        commands.dropBaselineTable();
    }

    private void timeTravel(BenchHttp http, String incident) {
        for (int run = 0; run < RUNS; run++) {
            List<Double> times = Latencies.timeTravel(http, incident, 30);
            figure("time-travel-p50", "5. time travel, incident with 1,000 events, p50", "ms", null, "< 50 ms")
                    .add(Figure.percentile(times, 50), null);
            figure("time-travel-p99", "5. time travel, incident with 1,000 events, p99", "ms", null, "< 50 ms")
                    .add(Figure.percentile(times, 99), null);
        }
        note("time travel p50 " + Figure.format(figures.get("time-travel-p50").value()) + " ms");
    }

    private void rebuild(BenchApp app, String incident) throws Exception {
        boolean postgres = isPostgres(app);
        app.stopProcessors();
        long existing = app.head();
        int incidents = (int) Math.max(0, (EVENTS - existing) / EventGenerator.EVENTS_PER_INCIDENT);
        String aggregateType = app.jdbc.queryForObject("SELECT type FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 0", String.class, incident);
        long generationStarted = System.nanoTime();
        long written = new EventGenerator(app.context, aggregateType).generate(incidents,
                Instant.now().minus(Duration.ofMinutes(10L * incidents)).minus(Duration.ofDays(3)));
        note(String.format(Locale.ROOT, "generated %,d events (%,d incidents) into the store in %.1f s; %,d events stored",
                written, incidents, (System.nanoTime() - generationStarted) / 1e9, app.head()));

        DataSource dataSource = app.context.getBean(DataSource.class);
        for (int run = 0; run < REBUILD_RUNS; run++) {
            double cpu = Machine.processCpuSeconds();
            long started = System.nanoTime();
            double baseline = ReadBaseline.eventsPerSecond(dataSource);
            double baselineCpuShare = (Machine.processCpuSeconds() - cpu) / ((System.nanoTime() - started) / 1e9);
            for (String projection : List.of("public-view", "audit-trail")) {
                long head = app.head();
                cpu = Machine.processCpuSeconds();
                double seconds = app.replay(projection);
                double cpuSeconds = Machine.processCpuSeconds() - cpu;
                figure("rebuild-" + projection, "2. rebuild " + projection + (projection.equals("public-view")
                                ? " (its processing group: with the component history)" : "") + ", events/s", "events/s",
                        "raw JDBC sequential read + Jackson deserialization", rebuildTarget(projection, postgres)).add(head / seconds, baseline);
                figure("rebuild-cpu-" + projection, "2. rebuild " + projection + ", events per CPU-second of the JVM",
                        "events/CPU-s", null, "–").add(head / cpuSeconds, null);
                note(String.format(Locale.ROOT, "rebuilt %s: %,d events in %.1f s = %,.0f events/s (baseline %,.0f); "
                                + "the JVM used %.2f cores meanwhile (baseline %.2f cores), %,.0f events per CPU-second",
                        projection, head, seconds, head / seconds, baseline, cpuSeconds / seconds, baselineCpuShare,
                        head / cpuSeconds));
            }
        }
        // incident-metrics stays stopped from here on: it is not a figure, and rebuilding it took as long again
        // the last rebuilds' old generations are deleted in the background, which is no part of the figures below
        for (String projection : List.of("public-view", "audit-trail")) {
            app.awaitRetiredGenerationsDropped(projection);
        }
    }

    /** Issue #20's targets, as ratios to the same run's raw JDBC baseline. */
    private static String commandTarget(int clients, boolean postgres) {
        double ratio = clients == 1 ? (postgres ? 0.30 : 0.15) : (postgres ? 0.50 : 0.30);
        return String.format(Locale.ROOT, "≥ %.2f × baseline (#20)", ratio);
    }

    private static String rebuildTarget(String projection, boolean postgres) {
        int target = projection.equals("public-view") ? (postgres ? 25_000 : 60_000) : (postgres ? 20_000 : 40_000);
        return String.format(Locale.ROOT, "≥ %,d events/s (#20)", target);
    }

    private boolean isPostgres(BenchApp app) {
        return app.context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql");
    }

    private void wrk(BenchApp app, Nginx nginx, String size) throws Exception {
        String url = app.http.base() + "/api/v2/summary.json";
        var response = app.http.get("/api/v2/summary.json");
        String staticUrl = nginx.serve(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Wrk.run(url, 3);
        Wrk.run(staticUrl, 1);
        String events = String.format(Locale.ROOT, "%,d events", app.head());
        note(String.format(Locale.ROOT, "summary.json at %s is %,d bytes", events, response.body().length()));
        for (int run = 0; run < RUNS; run++) {
            Wrk.Result baseline = Wrk.run(staticUrl, WRK_SECONDS);
            Wrk.Result value = Wrk.run(url, WRK_SECONDS);
            if (value.non2xx() > 0 || baseline.non2xx() > 0) {
                throw new IllegalStateException("wrk saw non-2xx answers: " + value + " / " + baseline);
            }
            String base = "nginx, same bytes as a static file";
            figure("summary-rps-" + size, "3. summary.json requests/s (" + events + ")", "requests/s", base,
                    "≥ 0.5 × nginx").add(value.requestsPerSecond(), baseline.requestsPerSecond());
            figure("summary-p50-" + size, "3/6. summary.json p50 latency (" + events + ")", "ms", base,
                    "flat from ~1k to the large store")
                    .add(value.p50Millis(), baseline.p50Millis());
            figure("summary-p99-" + size, "3/6. summary.json p99 latency (" + events + ")", "ms", base, "< 10 ms")
                    .add(value.p99Millis(), baseline.p99Millis());
            note(String.format(Locale.ROOT, "summary.json at %s: %.0f req/s p50 %.2f ms p99 %.2f ms; nginx %.0f req/s "
                            + "p50 %.2f ms p99 %.2f ms", events, value.requestsPerSecond(), value.p50Millis(),
                    value.p99Millis(), baseline.requestsPerSecond(), baseline.p50Millis(), baseline.p99Millis()));
        }
        if (size.equals("large")) {
            for (String p : List.of("p50", "p99")) {
                Figure small = figures.get("summary-" + p + "-small");
                Figure large = figures.get("summary-" + p + "-large");
                Figure flat = figure("summary-flat-" + p, "6. summary.json " + p + " at " + events + " vs at ~1k",
                        "ms", "the same at ~1k events", "within 20 %");
                for (int run = 0; run < large.values.size(); run++) {
                    flat.add(large.values.get(run), small.values.get(run));
                }
            }
        }
    }

    private void freshness(BenchApp app, String size) {
        String events = String.format(Locale.ROOT, "%,d events", app.head());
        List<Double> lags = Latencies.freshness(app.http, FRESHNESS, "fresh-" + size);
        for (int p : new int[] {50, 99}) {
            figure("freshness-p" + p + "-" + size, "4. lag 201 → visible in summary.json, p" + p + " (" + events + ", "
                    + FRESHNESS + " samples)", "ms", null, p == 99 ? "< 250 ms" : "–").add(Figure.percentile(lags, p), null);
        }
        figure("freshness-max-" + size, "4. lag 201 → visible in summary.json, max (" + events + ")", "ms", null, "–")
                .add(lags.get(lags.size() - 1), null);
        note(String.format(Locale.ROOT, "freshness at %s: min %.1f p50 %.1f p90 %.1f p99 %.1f max %.1f ms", events,
                lags.get(0), Figure.percentile(lags, 50), Figure.percentile(lags, 90), Figure.percentile(lags, 99),
                lags.get(lags.size() - 1)));
    }

    private void memory() {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double mib = 1024 * 1024;
        figure("heap-used", "7. heap used after GC, after the rebuilds", "MiB", null, "< 512 MiB").add(heap.getUsed() / mib, null);
        figure("heap-committed", "7. heap committed (max " + Math.round(heap.getMax() / mib) + " MiB)", "MiB", null, "–")
                .add(heap.getCommitted() / mib, null);
        figure("rss", "7. resident memory (RSS) of the JVM", "MiB", null, "report").add(Machine.statusMiB("VmRSS"), null);
        figure("rss-peak", "7. peak resident memory (VmHWM)", "MiB", null, "report").add(Machine.statusMiB("VmHWM"), null);
        note(String.format(Locale.ROOT, "memory: heap used %.0f MiB, committed %.0f MiB, RSS %.0f MiB",
                heap.getUsed() / mib, heap.getCommitted() / mib, Machine.statusMiB("VmRSS")));
    }

    private Figure figure(String key, String name, String unit, String baseline, String target) {
        return figures.computeIfAbsent(key, k -> new Figure(k, name, unit, baseline, target));
    }

    private void note(String what) {
        double load = Machine.loadAverage();
        loads.add(load);
        System.out.printf(Locale.ROOT, "BENCH %s [load %.2f]%n", what, load);
    }

    private String report(String kind, Duration took) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "### %s — %s, %d runs, %d cores, JDK %s, -Xmx%d MiB%n%n", kind,
                Instant.now().toString().substring(0, 16).replace('T', ' '), RUNS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        text.append(String.format(Locale.ROOT, "Load average (1 min) while measuring: min %.1f, median %.1f, max %.1f; "
                        + "run took %d min.%n%n", loads.stream().min(Double::compare).orElse(0.0), Figure.median(loads),
                loads.stream().max(Double::compare).orElse(0.0), took.toMinutes()));
        text.append("| figure | median | baseline (median) | ratio (median of per-run) | target | runs (value / baseline) |\n");
        text.append("|---|---|---|---|---|---|\n");
        for (Figure figure : figures.values()) {
            Double baseline = figure.baseline();
            Double ratio = figure.ratio();
            text.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s | %s | %s |%n", figure.name,
                    Figure.format(figure.value()), figure.unit,
                    baseline == null ? "–" : Figure.format(baseline) + " (" + figure.baselineName + ")",
                    ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio), figure.target, figure.runs()));
        }
        return text.toString();
    }
}
