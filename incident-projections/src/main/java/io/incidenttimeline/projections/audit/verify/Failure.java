package io.incidenttimeline.projections.audit.verify;

/**
 * The first place where the history disagrees with its chain or its signed checkpoints.
 *
 * @param position the event position that disagrees
 * @param reason   a stable code (README, "Verifying the audit trail")
 * @param detail   what was found, for a person
 */
public record Failure(long position, String reason, String detail) {
}
