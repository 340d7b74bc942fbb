package io.incidenttimeline.core.incident.command;

import java.time.LocalDate;

/** A remediation item as a post-mortem author submits it; without an id it is matched to an earlier item by title. */
public record RemediationItemDraft(String id, String title, String owner, LocalDate dueDate) {
}
