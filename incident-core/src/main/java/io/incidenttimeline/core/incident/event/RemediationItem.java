package io.incidenttimeline.core.incident.event;

import java.time.LocalDate;

public record RemediationItem(String id, String title, String owner, LocalDate dueDate) {
}
