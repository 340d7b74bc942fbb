package io.incidenttimeline.projections.publicview;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Counts the committed changes this node's projections made to the read models the public page is built from (the
 * public view and the maintenance view), so that documents computed from them can be kept until they change. Readers
 * also key on the generations they read, which change when a replay switches over.
 */
@Component
public class PublicPageChanges {

    private final AtomicLong version = new AtomicLong();

    public long version() {
        return version.get();
    }

    /** Called once a transaction that changed the public view or the maintenance view has committed. */
    public void changed() {
        version.incrementAndGet();
    }
}
