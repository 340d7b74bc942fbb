package io.incidenttimeline.projections.audit;

import java.util.List;

/** One page of the audit trail; {@code nextAfter} is the cursor of the next page, null on the last one. */
public record AuditPage(List<AuditEntry> entries, Long nextAfter) {
}
