package io.incidenttimeline.api.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Figures 4 and 5: single requests timed from the client's side, as sorted samples in milliseconds. */
final class Latencies {

    private Latencies() {
    }

    /**
     * Figure 4: an update is posted, and from its 201 on summary.json is read every 2 ms until the update's text is
     * in it. Each incident takes {@value CommandThroughput#UPDATES_PER_INCIDENT} updates, then a new one is declared.
     */
    static List<Double> freshness(BenchHttp http, int samples, String prefix) {
        List<Double> lags = new ArrayList<>();
        String incident = null;
        for (int i = 0; i < samples; i++) {
            if (i % CommandThroughput.UPDATES_PER_INCIDENT == 0) {
                if (incident != null) {
                    http.command("/api/v1/incidents/" + incident + "/updates",
                            Workload.update("resolved", "Resolved.", "public"), 201);
                }
                incident = prefix + "-" + i;
                http.command("/api/v1/incidents", Workload.declaration(incident, "Freshness incident " + i, "minor"), 201);
            }
            String marker = "freshness-" + prefix + "-" + i + "-" + System.nanoTime();
            http.command("/api/v1/incidents/" + incident + "/updates", Workload.update("identified", marker, "public"),
                    201);
            long created = System.nanoTime();
            long deadline = created + 30_000_000_000L;
            while (!http.get("/api/v2/summary.json").body().contains(marker)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("update " + marker + " not visible within 30 s");
                }
                BenchApp.sleep(2);
            }
            lags.add((System.nanoTime() - created) / 1e6);
        }
        if (incident != null) {
            http.command("/api/v1/incidents/" + incident + "/updates", Workload.update("resolved", "Resolved.", "public"),
                    201);
        }
        return lags.stream().sorted().toList();
    }

    /** Builds an incident of exactly {@code events} events through the command API; returns its id. */
    static String longIncident(BenchHttp http, int events) {
        String incident = "time-travel-" + events;
        http.command("/api/v1/incidents", Workload.declaration(incident, "An incident with " + events + " events",
                "major"), 201);
        for (Map<String, Object> update : Workload.longIncidentUpdates(events - 2)) {
            http.command("/api/v1/incidents/" + incident + "/updates", update, 201);
        }
        return incident;
    }

    /** Figure 5: the incident's public view as of now, through the auditor's time-travel endpoint. */
    static List<Double> timeTravel(BenchHttp http, String incident, int requests) {
        String path = "/api/v1/audit/incidents/" + incident + "/public-view?asOf="
                + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            var response = http.getAuthorized(path);
            times.add((System.nanoTime() - started) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("time travel answered " + response.statusCode() + ": " + response.body());
            }
        }
        return times.stream().sorted().toList();
    }
}
