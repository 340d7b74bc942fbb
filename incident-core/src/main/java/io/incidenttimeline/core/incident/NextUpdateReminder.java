package io.incidenttimeline.core.incident;

import java.time.Instant;

/** The payload of a promise's reminder deadlines: which update promised, and for when. */
public record NextUpdateReminder(String updateId, Instant dueAt) {
}
