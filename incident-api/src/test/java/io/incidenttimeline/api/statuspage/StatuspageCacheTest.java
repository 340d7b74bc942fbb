package io.incidenttimeline.api.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.publicview.PublicPageChanges;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When a document may be sent as it is: the filter ahead of the chain sends what {@link StatuspageCache#ready} gives,
 * everything else goes to the controller, which computes it.
 */
class StatuspageCacheTest {

    private final PublicPageChanges changes = new PublicPageChanges();
    private final StatuspageCache cache = new StatuspageCache(changes, new FixedGenerations(), new ObjectMapper());

    @Test
    void aDocumentIsReadyUntilTheViewChanges() {
        StatuspageCache.Document first = cache.get("summary", () -> Map.of("n", 1));
        assertThat(cache.ready("summary")).isSameAs(first);
        assertThat(cache.ready("status")).isNull();

        changes.changed();
        assertThat(cache.ready("summary")).isNull();
        assertThat(body(cache.get("summary", () -> Map.of("n", 2)))).isEqualTo("{\"n\":2}");
    }

    @Test
    void anUnchangedDocumentOlderThanMaxAgeIsReadyOnlyWhileARequestRecomputesIt() throws Exception {
        StatuspageCache.Document first = cache.get("summary", () -> Map.of("n", 1));
        Thread.sleep(StatuspageCache.MAX_AGE.toMillis() + 50);
        assertThat(cache.ready("summary")).as("due, and nobody recomputes it: the controller will").isNull();

        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<StatuspageCache.Document> recomputed = recomputeUntil(release, Map.of("n", 2));
        assertThat(cache.ready("summary")).as("while one request recomputes it").isSameAs(first);
        assertThat(cache.get("summary", () -> Map.of("n", 3))).as("the controller's answer meanwhile").isSameAs(first);

        release.countDown();
        assertThat(body(recomputed.get(10, TimeUnit.SECONDS))).isEqualTo("{\"n\":2}");
        assertThat(body(cache.ready("summary"))).isEqualTo("{\"n\":2}");
    }

    @Test
    void aDocumentFromBeforeAChangeIsNeverReadyEvenWhileRecomputed() throws Exception {
        cache.get("summary", () -> Map.of("n", 1));
        changes.changed();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<StatuspageCache.Document> recomputed = recomputeUntil(release, Map.of("n", 2));
        assertThat(cache.ready("summary")).isNull();
        release.countDown();
        assertThat(body(recomputed.get(10, TimeUnit.SECONDS))).isEqualTo("{\"n\":2}");
    }

    /** Recomputes the summary in another request, which holds on to the lock until {@code release}. */
    private CompletableFuture<StatuspageCache.Document> recomputeUntil(CountDownLatch release, Object result)
            throws InterruptedException {
        CountDownLatch computing = new CountDownLatch(1);
        CompletableFuture<StatuspageCache.Document> recomputed = CompletableFuture.supplyAsync(
                () -> cache.get("summary", () -> {
                    computing.countDown();
                    await(release);
                    return result;
                }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).as("the recomputation began").isTrue();
        return recomputed;
    }

    private static String body(StatuspageCache.Document document) {
        return new String(document.body(), StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The read generations, which only a replay changes. */
    private static final class FixedGenerations extends ProjectionGenerations {

        FixedGenerations() {
            super(new JdbcTemplate());
        }

        @Override
        public int readGeneration(String projection) {
            return 1;
        }
    }
}
