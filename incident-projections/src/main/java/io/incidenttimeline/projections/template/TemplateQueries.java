package io.incidenttimeline.projections.template;

import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.ReadYourWrites;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads of the template view, from the active generation of its projection. */
@Service
public class TemplateQueries {


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
        return ReadYourWrites.await(() -> template(name), ResponderTemplate::version, minVersion, wait);
    }

    /** The live templates by name, and the retired ones too when {@code withRetired}. */
    public List<ResponderTemplate> all(boolean withRetired) {
        return store.all(active(), withRetired);
    }

    private int active() {
        return generations.readGeneration(TemplateViewProjection.NAME);
    }
}
