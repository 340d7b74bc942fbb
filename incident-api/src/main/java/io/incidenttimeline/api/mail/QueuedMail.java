package io.incidenttimeline.api.mail;

import java.time.Instant;

/** A mail the dispatcher claimed, with what it needs to send it. */
record QueuedMail(OutgoingMail mail, int attempts, Instant createdAt) {
}
