package io.incidenttimeline.projections.template;

import io.incidenttimeline.core.template.TemplateContent;
import io.incidenttimeline.core.template.TemplateKind;
import java.time.Instant;

/**
 * A template as responders see it: its current content, whether it is retired, who last wrote it and the version a
 * change's If-Match names. Built by {@link TemplateFold}.
 */
public record ResponderTemplate(String name, TemplateKind kind, TemplateContent content, boolean retired,
                                long version, Instant createdAt, String createdBy, Instant changedAt, String changedBy,
                                Instant retiredAt) {
}
