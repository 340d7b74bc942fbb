package io.incidenttimeline.api.hostile.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a refused request must leave as it was: the head of the event store, the ETags of the public documents and the
 * subscriber list. A baseline is taken once the projections have every event, so a public document changes only when
 * something was stored. Events the corpus did not cause (a maintenance starting on its own) are told apart by the
 * actor in their metadata.
 */
final class StoreWatch {

    static final List<String> PUBLIC_DOCUMENTS = List.of("/api/v2/summary.json", "/api/v2/incidents.json");
    private static final String CORPUS_ACTOR = "test-hostile";
    private static final long SETTLE_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final RawHttp http;
    private long head;
    private final Map<String, String> etags = new LinkedHashMap<>();
    private int subscribers;
    private boolean settled;

    StoreWatch(JdbcTemplate jdbc, RawHttp http) {
        this.jdbc = jdbc;
        this.http = http;
    }

    boolean settled() {
        return settled;
    }

    /** After something was stored: the next refused case needs a new baseline. */
    void unsettle() {
        settled = false;
    }

    void settle() {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (!caughtUp()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the projections did not catch up within " + SETTLE_MILLIS + " ms");
            }
            pause();
        }
        head = head();
        // a document may be rebuilt a moment after its projection reports the position: wait until it holds still
        Map<String, String> previous = Map.of();
        while (!etags.equals(previous) || etags.isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the public documents did not hold still within " + SETTLE_MILLIS
                        + " ms");
            }
            previous = new LinkedHashMap<>(etags);
            pause();
            for (String document : PUBLIC_DOCUMENTS) {
                etags.put(document, get(document, null).header("ETag"));
            }
        }
        subscribers = subscriberCount();
        settled = true;
    }

    /**
     * What changed since the baseline, as the failures to report; empty when nothing did. Events written meanwhile
     * by someone else unsettle the baseline instead.
     */
    List<String> changes(boolean subscriberOperation) {
        List<String> changes = new ArrayList<>();
        long now = head();
        if (now != head) {
            settled = false;
            return storedSince(head);
        }
        for (var document : etags.entrySet()) {
            RawHttp.Response response = get(document.getKey(), document.getValue());
            if (response.status() != 304) {
                changes.add(document.getKey() + " changed: ETag " + document.getValue() + " -> "
                        + response.header("ETag"));
                settled = false;
            }
        }
        if (subscriberOperation && subscriberCount() != subscribers) {
            changes.add("the subscriber list changed");
            settled = false;
        }
        return changes;
    }

    /** The events the corpus stored after the given head, as failures; events of others are not the case's. */
    List<String> storedSince(long before) {
        List<String> ours = jdbc.query("SELECT globalIndex, aggregateIdentifier, payloadType, metaData FROM "
                        + "DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex", (row, i) ->
                        new String(row.getBytes("metaData"), StandardCharsets.UTF_8).contains(CORPUS_ACTOR)
                                ? row.getString("payloadType") + " of " + row.getString("aggregateIdentifier")
                                : null, before).stream().filter(java.util.Objects::nonNull).toList();
        return ours.isEmpty() ? List.of() : List.of("stored " + ours.size() + " event(s): " + ours);
    }

    long head() {
        Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return max == null ? -1 : max;
    }

    private boolean caughtUp() {
        JsonNode projections = json(get("/api/v1/admin/projections", null)).path("projections");
        for (JsonNode projection : projections) {
            if (!projection.path("caughtUp").asBoolean()
                    || projection.path("position").asLong() < projection.path("head").asLong()) {
                return false;
            }
        }
        return true;
    }

    private int subscriberCount() {
        return json(get("/api/v1/subscribers", null)).path("subscribers").size();
    }

    private RawHttp.Response get(String path, String ifNoneMatch) {
        List<RawHttp.Header> headers = new ArrayList<>();
        headers.add(RawHttp.Header.of("Authorization", "Bearer " + Seeds.TOKEN));
        if (ifNoneMatch != null) {
            headers.add(RawHttp.Header.of("If-None-Match", ifNoneMatch));
        }
        return http.exchange(new RawHttp.Request("GET", path.getBytes(StandardCharsets.US_ASCII), headers, null));
    }

    private static JsonNode json(RawHttp.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
