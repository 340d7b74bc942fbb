package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.http.read.responder.ResponderIncidentView;
import io.incidenttimeline.api.template.Templates;
import io.incidenttimeline.core.template.Placeholders;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.projections.template.ResponderTemplate;
import io.incidenttimeline.projections.template.TemplateQueries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The incident page's update templates: the live ones to pick from, the update form as a picked one fills it in
 * (a plain GET with {@code ?template=<name>}, no JavaScript), and the check that what a template left to the person
 * was replaced before the update is posted.
 */
@Component
class UpdateTemplates {

    static final String FIELD = "template";

    private final Templates templates;
    private final TemplateQueries queries;

    UpdateTemplates(Templates templates, TemplateQueries queries) {
        this.templates = templates;
        this.queries = queries;
    }

    List<ResponderTemplate> pickable() {
        return queries.all(false).stream().filter(t -> t.kind() == TemplateKind.UPDATE).toList();
    }

    /** The update form as the template fills it in, in the incident's language where the template has it. */
    SubmittedForm prefilled(ResponderIncidentView incident, String name) {
        Templates.Filled filled = templates.prefill(name, TemplateKind.UPDATE, incident.locale());
        Map<String, String> values = new LinkedHashMap<>();
        values.put(FIELD, filled.name());
        values.put("status", (filled.status() != null ? filled.status() : incident.status()).wire());
        values.put("message", filled.message());
        values.put("impact", incident.impact().wire());
        values.put("visibility", filled.visibility() == null ? "public" : filled.visibility().wire());
        filled.components().forEach((id, status) -> values.put("components." + id, status.wire()));
        values.put("nextUpdateInMinutes", filled.nextUpdateInMinutes() == null ? ""
                : filled.nextUpdateInMinutes().toString());
        return new SubmittedForm("update", values);
    }

    /** Refuses a form started from a template whose message still holds a placeholder. */
    static void requireReplaced(SubmittedForm form) {
        if (form.text(FIELD) == null) {
            return;
        }
        Set<String> left = Placeholders.left(form.raw("message"));
        if (!left.isEmpty()) {
            throw new FormProblem("message", "Replace " + String.join(", ", left.stream().map(n -> "{" + n + "}")
                    .toList()) + " with what the template leaves to you.");
        }
    }
}
