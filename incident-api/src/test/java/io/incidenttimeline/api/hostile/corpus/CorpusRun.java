package io.incidenttimeline.api.hostile.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.hostile.corpus.HostileCase.Expect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates the corpus from the served description and sends it, one case after the other, judging each answer:
 * never a 5xx; a case that breaks the contract is refused; a refusal is a 4xx problem+json with {@code type},
 * {@code status} and the {@code field} it is about, and stored nothing. Every failure is kept, none stops the run.
 */
public final class CorpusRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RawHttp http;
    private final Seeds seeds;
    private final StoreWatch watch;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, int[]> tally = new LinkedHashMap<>();
    private int cases;
    private long headBefore;

    public CorpusRun(int port, Seeds seeds, JdbcTemplate jdbc) {
        this.http = new RawHttp(port);
        this.seeds = seeds;
        this.watch = new StoreWatch(jdbc, http);
    }

    public static List<HostileCase> generate(JsonNode description, Operation operation, Seeds seeds) {
        List<HostileCase> cases = new ArrayList<>();
        if (operation.hasBody()) {
            JsonNode seed = seeds.body(operation.id());
            cases.addAll(FieldMutations.of(new Schemas(description), operation.id(), operation.bodySchema(), seed));
            cases.addAll(BodyMutations.of(operation.id(), operation.bodyRequired(), seed));
        }
        cases.addAll(HeaderMutations.of(operation.id(), operation.headers(), operation.secured(), operation.hasBody(),
                Seeds.creates(operation.id())));
        cases.addAll(QueryMutations.of(operation.id(), operation.query(), Map.of()));
        // the cases that must be refused first: they leave the scene as it is, so it is set up less often
        cases.sort(Comparator.comparing(c -> c.expect() == Expect.EITHER));
        return cases;
    }

    public void run(Operation operation, List<HostileCase> generated) {
        int[] counts = tally.computeIfAbsent(operation.id(), id -> new int[6]);
        long started = System.nanoTime();
        try {
            runCases(operation, generated, counts);
        } finally {
            counts[5] = (int) ((System.nanoTime() - started) / 1_000_000);
            System.out.println("hostile corpus: " + operation.id() + " " + counts[0] + " cases in " + counts[5] + " ms");
        }
    }

    private void runCases(Operation operation, List<HostileCase> generated, int[] counts) {
        Seeds.Scene scene;
        try {
            scene = seeds.scene(operation.id());
            watch.unsettle();
            RawHttp.Response control = http.exchange(draft(operation, scene).build());
            int expected = scene.controlStatus();
            if (expected == 0 ? control.status() / 100 != 2 : control.status() != expected) {
                failures.add(operation.id() + " [control] the valid seed -> " + control.status() + " "
                        + excerpt(control.body()));
            }
            if (control.status() / 100 == 2) {
                seeds.cleanUp(operation.id(), control);
                if (scene.consumedWhenAccepted()) {
                    scene = seeds.scene(operation.id());
                }
            }
        } catch (RuntimeException e) {
            failures.add(operation.id() + " [control] " + e.getMessage());
            return;
        }
        for (HostileCase hostile : generated) {
            cases++;
            counts[0]++;
            try {
                if (scene == null) {
                    scene = seeds.scene(operation.id());
                    watch.unsettle();
                }
                if (!watch.settled() && hostile.expect() == Expect.REFUSE) {
                    watch.settle();
                }
                boolean baseline = watch.settled();
                headBefore = baseline ? -1 : watch.head();
                Draft draft = draft(operation, scene);
                hostile.change().accept(draft);
                RawHttp.Response response = http.exchange(draft.build());
                List<String> wrong = judge(operation, hostile, response, counts, baseline);
                if (response.status() / 100 == 2) {
                    watch.unsettle();
                    seeds.cleanUp(operation.id(), response);
                    if (scene.consumedWhenAccepted()) {
                        scene = null;
                    }
                }
                if (!wrong.isEmpty()) {
                    counts[3]++;
                    failures.add(hostile.describe() + " -> " + response.status() + " "
                            + response.header("Content-Type") + " " + excerpt(response.body()) + " :: "
                            + String.join("; ", wrong));
                }
            } catch (RuntimeException e) {
                counts[3]++;
                failures.add(hostile.describe() + " -> " + e);
                scene = null;
                watch.unsettle();
            }
        }
    }

    private List<String> judge(Operation operation, HostileCase hostile, RawHttp.Response response, int[] counts,
                               boolean baseline) {
        List<String> wrong = new ArrayList<>();
        int status = response.status();
        if (status >= 500) {
            wrong.add("a server error");
            return wrong;
        }
        if (status / 100 == 2) {
            counts[2]++;
            if (hostile.expect() == Expect.REFUSE) {
                wrong.add("accepted");
            }
            return wrong;
        }
        counts[1]++;
        if (status / 100 != 4) {
            wrong.add("neither accepted nor a 4xx");
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            wrong.add("not problem+json");
        } else {
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (!problem.path("type").isTextual()) {
                    wrong.add("no type");
                }
                if (problem.path("status").asInt() != status) {
                    wrong.add("status " + problem.path("status") + " in the body");
                }
                // a boundary may be refused by a rule across fields (a window ending before it starts): any field
                if (hostile.expect() == Expect.REFUSE && !hostile.fields().isEmpty()
                        && !names(hostile.fields(), problem.path("field").asText(""))) {
                    wrong.add("field " + problem.path("field") + " instead of " + hostile.fields());
                }
            } catch (java.io.IOException e) {
                wrong.add("a problem body that is not JSON");
            }
        }
        if (baseline) {
            counts[4]++;
            wrong.addAll(watch.changes(operation.id().contains("ubscriber")));
        } else {
            wrong.addAll(watch.storedSince(headBefore));
        }
        return wrong;
    }

    /** A field matches exactly, or, for an entry ending in {@code .*}, as that path or anything inside it. */
    private static boolean names(java.util.Set<String> expected, String field) {
        for (String name : expected) {
            boolean within = name.endsWith(".*");
            String path = within ? name.substring(0, name.length() - 2) : name;
            if (field.equals(path) || within && (field.startsWith(path + ".") || field.startsWith(path + "["))) {
                return true;
            }
        }
        return false;
    }

    private Draft draft(Operation operation, Seeds.Scene scene) {
        JsonNode body = operation.hasBody() ? seeds.body(operation.id()) : null;
        Draft draft = new Draft(operation.method(), scene.path(), body).etag(scene.etag());
        draft.header("Authorization", "Bearer " + Seeds.TOKEN);
        if (body != null) {
            draft.header("Content-Type", "application/json");
        }
        scene.query().forEach(pair -> draft.query(pair.replace(":", "%3A")));
        return draft;
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    public int cases() {
        return cases;
    }

    public List<String> failures() {
        return failures;
    }

    public String summary() {
        StringBuilder summary = new StringBuilder(String.format("%-34s %6s %8s %8s %8s %8s %8s%n", "operation",
                "cases", "refused", "accepted", "failing", "etags", "ms"));
        tally.forEach((operation, c) -> summary.append(String.format("%-34s %6d %8d %8d %8d %8d %8d%n", operation,
                c[0], c[1], c[2], c[3], c[4], c[5])));
        return summary.append(cases).append(" cases, ").append(failures.size()).append(" failures").toString();
    }
}
