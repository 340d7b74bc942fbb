package io.incidenttimeline.api.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.maintenance.MaintenanceViewProjection;
import io.incidenttimeline.projections.publicview.PublicPageChanges;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * The Statuspage documents as bytes with their ETag, computed once per change of the page's read models (public view
 * and maintenance view) instead of once per request. An entry is valid while their change count and read generations
 * are those it was computed at (taken before computing, so a change during the computation makes the entry stale at
 * once), and for at most {@link #MAX_AGE}: the count sees this node's projections only, so on a node that is not the
 * one writing the views a page is at most that old.
 */
@Component
public class StatuspageCache {

    static final Duration MAX_AGE = Duration.ofSeconds(1);

    /** A document ready to send. */
    public record Document(byte[] body, String etag, long version, long generations, long computedAt) {
    }

    private final PublicPageChanges changes;
    private final ProjectionGenerations generations;
    private final ObjectMapper json;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public StatuspageCache(PublicPageChanges changes, ProjectionGenerations generations, ObjectMapper json) {
        this.changes = changes;
        this.generations = generations;
        this.json = json;
    }

    /**
     * The document {@code name}, from the cache while the view has not changed, else computed anew. One request
     * computes a stale document. The others wait for it when the page's read models changed, so that nobody is
     * served the page from before a change it could know about; when the document is only older than
     * {@link #MAX_AGE}, they take the one there is meanwhile (measured: with a million events every request waited
     * for the recomputation once a second, and that was summary.json's p99).
     */
    public Document get(String name, Supplier<Object> compute) {
        Document cached = documents.get(name);
        if (fresh(cached)) {
            return cached;
        }
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        if (cached != null && unchanged(cached)) {
            if (!lock.tryLock()) {
                return cached;
            }
        } else {
            lock.lock();
        }
        try {
            cached = documents.get(name);
            return fresh(cached) ? cached : compute(name, compute);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The document {@code name} if it can be sent without computing, else null: when it is valid, and when it is only
     * older than {@link #MAX_AGE} while a request recomputes it (as {@link #get} would answer). Measured: with a
     * million events on H2 the recomputation took long enough that every request arriving meanwhile taking the
     * controller's way was summary.json's p99.
     */
    public Document ready(String name) {
        Document cached = documents.get(name);
        if (fresh(cached)) {
            return cached;
        }
        ReentrantLock lock = locks.get(name);
        return cached != null && lock != null && lock.isLocked() && unchanged(cached) ? cached : null;
    }

    private boolean fresh(Document cached) {
        return cached != null && unchanged(cached) && System.nanoTime() - cached.computedAt() < MAX_AGE.toNanos();
    }

    /** Computed from the read models as they are now, as far as this node knows. */
    private boolean unchanged(Document cached) {
        return cached.version() == changes.version() && cached.generations() == readGenerations();
    }

    private long readGenerations() {
        return ((long) generations.readGeneration(PublicViewProjection.NAME) << 32)
                | generations.readGeneration(MaintenanceViewProjection.NAME);
    }

    private Document compute(String name, Supplier<Object> compute) {
        long version = changes.version();
        long readGenerations = readGenerations();
        long now = System.nanoTime();
        byte[] body;
        try {
            body = json.writeValueAsBytes(compute.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Statuspage document " + name, e);
        }
        Document document = new Document(body, "\"0" + DigestUtils.md5DigestAsHex(body) + "\"", version, readGenerations, now);
        documents.put(name, document);
        return document;
    }
}
