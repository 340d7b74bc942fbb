package io.incidenttimeline.core.incident.command;

import io.incidenttimeline.core.incident.PostMortemSections;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds texts in a locale other than the authoritative one: the title, updates by id, post-mortem sections. */
public record AddTranslation(@TargetAggregateIdentifier String incidentId, String locale, Boolean machineTranslated,
                             String engine, String title, Map<String, String> updates, PostMortemSections postMortem,
                             Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
}
