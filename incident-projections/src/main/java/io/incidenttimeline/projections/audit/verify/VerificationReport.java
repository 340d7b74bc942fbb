package io.incidenttimeline.projections.audit.verify;

/**
 * The outcome of {@code GET /api/v1/audit/verify}.
 *
 * @param intact                 no disagreement was found
 * @param eventsChecked          events whose envelope was hashed before the verification ended
 * @param lastPosition           the position of the last event checked (0 when none)
 * @param headHash               the chain hash through that event
 * @param chainedThrough         the newest event also checked against its recorded chain hash
 * @param checkpointsVerified    signed checkpoints whose signature and head hash were confirmed
 * @param lastCheckpointPosition the newest confirmed checkpoint's position; events after it rest on the stored chain only
 * @param failure                the first disagreement, or null
 */
public record VerificationReport(boolean intact, long eventsChecked, long lastPosition, String headHash,
                                 long chainedThrough, long checkpointsVerified, long lastCheckpointPosition,
                                 Failure failure) {
}
