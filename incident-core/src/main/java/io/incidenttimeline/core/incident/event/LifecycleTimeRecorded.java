package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A moment of the incident's life, as responders know it: {@code detected}, {@code acknowledged}, {@code mitigated},
 * {@code resolved} or a configured extra such as {@code identified}. {@code at} is when the moment happened (often
 * backfilled, so it may lie well before {@code occurredAt}); a later one for the same moment corrects the earlier,
 * names the time it replaces in {@code previousAt} and says why in {@code reason}; every one is kept. Internal: never
 * on the public page.
 */
@Revision("1")
public record LifecycleTimeRecorded(String incidentId, String moment, Instant at, Instant previousAt, String reason,
                                    Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
