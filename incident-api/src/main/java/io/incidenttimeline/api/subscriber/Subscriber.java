package io.incidenttimeline.api.subscriber;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A registered receiver of webhooks.
 *
 * @param components          the components it follows; null for every one
 * @param startsAfterPosition the event store's head when it was registered: older events are never sent to it
 * @param auditCheckpoints    whether every audit checkpoint signed from now on is also sent to it (an auditor's receiver)
 * @param responderReminders  whether the incidents' promise reminders are also sent to it (the responders' own
 *                            receiver: a reminder names an internal role holder and internal promises)
 */
public record Subscriber(String id, String url, String secret, String secretHint, List<String> components, Instant createdAt,
                  String createdBy, long startsAfterPosition, boolean auditCheckpoints,
                  boolean responderReminders) {

    /** Whether a change touching these components concerns this subscriber. */
    boolean follows(Collection<String> componentIds) {
        return components == null || componentIds.stream().anyMatch(components::contains);
    }
}
