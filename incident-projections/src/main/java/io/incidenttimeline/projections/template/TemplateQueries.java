package io.incidenttimeline.projections.template;

import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads of the template view, from the active generation of its projection. */
@Service
public class TemplateQueries {

    private static final long PAUSE_MILLIS = 20;

    private final TemplateViewStore store;
    private final ProjectionGenerations generations;

    public TemplateQueries(TemplateViewStore store, ProjectionGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    public Optional<ResponderTemplate> template(String name) {
        return store.template(active(), name);
    }

    /**
     * The template once the view has reached {@code minVersion} (the version the event store holds), waiting at most
     * {@code wait}; after that, the template as far as the view has come.
     */
    public Optional<ResponderTemplate> template(String name, long minVersion, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<ResponderTemplate> found = template(name);
        while (found.map(t -> t.version() < minVersion).orElse(true) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = template(name);
        }
        return found;
    }

    /** The live templates by name, and the retired ones too when {@code withRetired}. */
    public List<ResponderTemplate> all(boolean withRetired) {
        return store.all(active(), withRetired);
    }

    private int active() {
        return generations.readGeneration(TemplateViewProjection.NAME);
    }
}
