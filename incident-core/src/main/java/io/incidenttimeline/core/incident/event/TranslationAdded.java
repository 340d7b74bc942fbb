package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.PostMortemSections;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** Texts in {@code locale}; absent ones keep what an earlier translation in that locale said. */
@Revision("1")
public record TranslationAdded(String incidentId, String locale, boolean machineTranslated, String engine,
                               String title, Map<String, String> updates, PostMortemSections postMortem,
                               Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
