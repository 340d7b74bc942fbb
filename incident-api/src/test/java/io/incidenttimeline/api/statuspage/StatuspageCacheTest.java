package io.incidenttimeline.api.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.publicview.PublicPageChanges;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
    void anUnchangedDocumentOlderThanMaxAgeIsReadyOnlyWhileItIsRecomputed() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Object> summary = () -> {
            int n = computations.incrementAndGet();
            if (n == 2) {
                computing.countDown();
                await(release);
            }
            return Map.of("n", n);
        };
        StatuspageCache.Document first = cache.get("summary", summary);
        Thread.sleep(StatuspageCache.MAX_AGE.toMillis() + 50);
        assertThat(cache.ready("summary")).as("due, and nobody recomputes it: the controller will").isNull();

        assertThat(cache.get("summary", summary)).as("the controller's answer, recomputing it").isSameAs(first);
        assertThat(computing.await(10, TimeUnit.SECONDS)).as("the recomputation began").isTrue();
        assertThat(cache.ready("summary")).as("while it is recomputed").isSameAs(first);
        assertThat(cache.get("summary", summary)).as("the controller's answer meanwhile").isSameAs(first);

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cache.ready("summary") == first && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(body(cache.ready("summary"))).isEqualTo("{\"n\":2}");
        assertThat(computations).as("recomputed once").hasValue(2);
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
