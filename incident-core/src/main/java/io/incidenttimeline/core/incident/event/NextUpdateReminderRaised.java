package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The "next update by" promise of update {@code updateId}, due at {@code dueAt}, is near ({@code kind}
 * {@code due-soon}) or has passed unanswered ({@code overdue}): a reminder for {@code communicationsHolder}, who held
 * the communications role then, or for the responders when nobody did (null). Raised at most once per promise and
 * kind. Internal: never on the public page.
 */
@Revision("1")
public record NextUpdateReminderRaised(String incidentId, String updateId, Instant dueAt, String kind,
                                       String communicationsHolder, Instant occurredAt, Instant recordedAt)
        implements IncidentEvent {

    public static final String DUE_SOON = "due-soon";
    public static final String OVERDUE = "overdue";
}
