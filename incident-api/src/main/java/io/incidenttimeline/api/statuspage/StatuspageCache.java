package io.incidenttimeline.api.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Policy;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.maintenance.MaintenanceViewProjection;
import io.incidenttimeline.projections.publicview.PublicPageChanges;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * The Statuspage documents as bytes with their ETag, computed once per change of the page's read models (public view
 * and maintenance view) instead of once per request, in a Caffeine cache.
 * <p>
 * A document is cached under its name and the views' change count and read generations, taken before computing (a
 * change during the computation makes the entry stale at once). Caffeine's refresh serves the old value while it
 * recomputes, which is right only when nothing changed; so a change is a new key, and nobody is served the page from
 * before a change it could know about: the first request computes it and the others wait. An unchanged document is
 * refreshed after {@link #MAX_AGE}, since the count sees this node's projections only (on a node that is not the one
 * writing the views a page is at most that old); while it is recomputed every request takes the one there is
 * (measured: with a million events every request waiting for the recomputation once a second was summary.json's p99).
 */
@Component
public class StatuspageCache {

    static final Duration MAX_AGE = Duration.ofSeconds(1);
    /** Entries of an older change are never read again: they go after this long. */
    private static final Duration UNREAD = Duration.ofMinutes(1);

    /** A document ready to send. */
    public record Document(byte[] body, String etag) {
    }

    private record Key(String name, long version, long generations) {
    }

    /** A document with the computation that made it, which refreshes it. */
    private record Entry(Document document, Supplier<Object> compute) {
    }

    private final PublicPageChanges changes;
    private final ProjectionGenerations generations;
    private final ObjectMapper json;
    private final LoadingCache<Key, Entry> documents;
    private final Policy<Key, Entry> policy;

    public StatuspageCache(PublicPageChanges changes, ProjectionGenerations generations, ObjectMapper json) {
        this.changes = changes;
        this.generations = generations;
        this.json = json;
        this.documents = Caffeine.newBuilder().refreshAfterWrite(MAX_AGE).expireAfterAccess(UNREAD)
                .build(new CacheLoader<>() {
                    @Override
                    public Entry load(Key key) {
                        throw new IllegalStateException("a document is computed with its computation");
                    }

                    @Override
                    public Entry reload(Key key, Entry old) {
                        return compute(key, old.compute());
                    }
                });
        this.policy = documents.policy();
    }

    /**
     * The document {@code name}, from the cache while the view has not changed, else computed anew by one request
     * while the others wait for it. A document only older than {@link #MAX_AGE} is recomputed in the background and
     * served meanwhile.
     */
    public Document get(String name, Supplier<Object> compute) {
        return documents.get(key(name), key -> compute(key, compute)).document();
    }

    /**
     * The document {@code name} if it can be sent without computing, else null: when it is valid, and when it is only
     * older than {@link #MAX_AGE} while it is recomputed (as {@link #get} would answer). Measured: with a million
     * events on H2 the recomputation took long enough that every request arriving meanwhile taking the controller's
     * way was summary.json's p99.
     */
    public Document ready(String name) {
        Key key = key(name);
        Entry cached = policy.getIfPresentQuietly(key);
        if (cached == null) {
            return null;
        }
        boolean young = policy.refreshAfterWrite().flatMap(refresh -> refresh.ageOf(key))
                .map(age -> age.compareTo(MAX_AGE) < 0).orElse(false);
        return young || policy.refreshes().containsKey(key) ? cached.document() : null;
    }

    /** The key of {@code name} computed from the read models as they are now, as far as this node knows. */
    private Key key(String name) {
        return new Key(name, changes.version(), ((long) generations.readGeneration(PublicViewProjection.NAME) << 32)
                | generations.readGeneration(MaintenanceViewProjection.NAME));
    }

    private Entry compute(Key key, Supplier<Object> compute) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(compute.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Statuspage document " + key.name(), e);
        }
        return new Entry(new Document(body, "\"0" + DigestUtils.md5DigestAsHex(body) + "\""), compute);
    }
}
