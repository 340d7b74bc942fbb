package io.incidenttimeline.api.template;

import io.incidenttimeline.core.template.TemplateName;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A template named on a declaration or an update: its name, the language of its text to use (else the incident's,
 * else the template's default) and the values of its free placeholders.
 */
public record TemplateUse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = TemplateName.PATTERN,
                                  example = "storage-degraded") String name,
                          @Schema(example = "de", description = "the language of the template's text to use; falls "
                                  + "back to its base language, then to the template's default") String locale,
                          @Schema(description = "the value of each free placeholder of the text, such as "
                                  + "{\"ticket\": \"OPS-17\"} for {ticket}") Map<String, String> values) {
}
