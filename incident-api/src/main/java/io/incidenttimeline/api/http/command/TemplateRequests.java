package io.incidenttimeline.api.http.command;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.core.template.ChangeTemplate;
import io.incidenttimeline.core.template.CreateTemplate;
import io.incidenttimeline.core.template.TemplateContent;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.core.template.TemplateName;
import io.incidenttimeline.core.template.TemplateText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** The JSON bodies of the template commands; the rules on the values live in the domain, which names the field. */
public final class TemplateRequests {

    private static final String TEXTS = "per language (a BCP 47 tag such as en or de-CH): the title (declaration "
            + "templates only) and the message, with placeholders such as {component}, {next_update} or {ticket}";

    private TemplateRequests() {
    }

    public record Creation(@Schema(requiredMode = REQUIRED, pattern = TemplateName.PATTERN,
                                   example = "storage-degraded") String name,
                           @Schema(requiredMode = REQUIRED) TemplateKind kind,
                           @Schema(requiredMode = REQUIRED, example = "en") String defaultLocale,
                           @Schema(requiredMode = REQUIRED, description = TEXTS) Map<String, TemplateText> texts,
                           @Schema(description = "declaration templates only") Impact impact,
                           IncidentStatus status, Visibility visibility, Map<String, ComponentStatus> components,
                           @Schema(minimum = "1", maximum = "1440") Integer nextUpdateInMinutes) {

        public CreateTemplate toCommand() {
            return new CreateTemplate(name, kind, new TemplateContent(defaultLocale, texts, impact, status, visibility,
                    components, nextUpdateInMinutes));
        }
    }

    /** The whole new content: what is left out is no longer part of the template. */
    public record Change(@Schema(requiredMode = REQUIRED, description = "the template's kind, which cannot change")
                         TemplateKind kind,
                         @Schema(requiredMode = REQUIRED, example = "en") String defaultLocale,
                         @Schema(requiredMode = REQUIRED, description = TEXTS) Map<String, TemplateText> texts,
                         @Schema(description = "declaration templates only") Impact impact,
                         IncidentStatus status, Visibility visibility, Map<String, ComponentStatus> components,
                         @Schema(minimum = "1", maximum = "1440") Integer nextUpdateInMinutes) {

        public ChangeTemplate toCommand(String name, Long expectedVersion) {
            return new ChangeTemplate(name, kind, new TemplateContent(defaultLocale, texts, impact, status, visibility,
                    components, nextUpdateInMinutes), expectedVersion);
        }
    }

    public record TemplateVersion(@Schema(requiredMode = REQUIRED) String name, @Schema(requiredMode = REQUIRED) long version) {
    }
}
