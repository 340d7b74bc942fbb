package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentTable;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;

/**
 * The events {@link PublicIncidentFold} folds, one handler each, for the read models kept as {@link PublicIncident}s
 * (the public view and the incident metrics). The aggregate identifier of an incident's stream is the incident id.
 */
public abstract class PublicIncidentHandlers {

    /** The read model's skeleton. */
    protected abstract DocumentProjection documents();

    /** Where the read model keeps its incidents. */
    protected abstract DocumentTable<PublicIncident> incidents();

    @EventHandler
    void on(IncidentDeclared event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(UpdatePosted event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(UpdateAmended event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(UpdateRetracted event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(ImpactWindowRecorded event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(ImpactChanged event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(PostMortemPublished event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(RemediationItemCompleted event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    @EventHandler
    void on(TranslationAdded event, @SourceId String incidentId, @SequenceNumber long sequence) {
        incident(event, incidentId, sequence);
    }

    private void incident(IncidentEvent event, String incidentId, long sequence) {
        documents().fold(incidents(), incidentId, incidentId, sequence,
                incident -> PublicIncidentFold.apply(incident, event));
    }
}
