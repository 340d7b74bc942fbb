package io.incidenttimeline.api.console.declare;

import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.console.forms.ConsoleCommands;
import io.incidenttimeline.api.console.forms.FormProblems;
import io.incidenttimeline.api.console.page.ConsoleUser;
import io.incidenttimeline.api.console.page.Pages;
import io.incidenttimeline.api.http.command.GeneratedIds;
import io.incidenttimeline.api.template.Templates;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.projections.template.TemplateQueries;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.projections.responder.ResponderComponent;
import io.incidenttimeline.projections.responder.ResponderQueries;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Declaring an incident from the console: the form, and its post, which sends the command the API's
 * {@code POST /api/v1/incidents} sends, as the signed-in person on channel {@code console}.
 */
@Controller
class DeclareController {

    static final String OPERATION = "POST /console/incidents";

    private final ConsoleCommands commands;
    private final ResponderQueries queries;
    private final Templates templates;
    private final TemplateQueries templateQueries;

    DeclareController(ConsoleCommands commands, ResponderQueries queries, Templates templates,
                      TemplateQueries templateQueries) {
        this.commands = commands;
        this.queries = queries;
        this.templates = templates;
        this.templateQueries = templateQueries;
    }

    /** A component of the picker: the catalogue's live ones, in the page's order. */
    public record Pickable(String id, String name, String group) {
    }

    /** A choice of a select or radio group: its wire value and its words. */
    public record Choice(String value, String words) {
    }

    /** {@code template}: the declaration template the form starts from, picked without JavaScript. */
    @GetMapping("/console/incidents/new")
    ModelAndView form(@RequestParam(required = false) String template) {
        if (template == null || template.isBlank()) {
            return page(HttpStatus.OK, DeclarationForm.blank(), FormProblems.none(DeclarationForm.FIELDS));
        }
        try {
            return page(HttpStatus.OK, DeclarationForm.of(templates.prefill(template, TemplateKind.DECLARATION, null)),
                    FormProblems.none(DeclarationForm.FIELDS));
        } catch (CommandRejected refused) {
            return page(HttpStatus.NOT_FOUND, DeclarationForm.blank(), FormProblems.none(DeclarationForm.FIELDS)
                    .add(null, refused.getMessage()));
        }
    }

    @PostMapping("/console/incidents")
    ModelAndView declare(@RequestParam MultiValueMap<String, String> fields) {
        DeclarationForm form = DeclarationForm.of(fields);
        FormProblems problems = FormProblems.none(DeclarationForm.FIELDS);
        var request = form.request(problems);
        if (problems.any()) {
            return page(problems.status(), form, problems);
        }
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow();
        try {
            CommandResult result = commands.send(request.toCommand(GeneratedIds.next("inc"), GeneratedIds.next("upd")),
                    user, form.formKey(), OPERATION, request);
            return Pages.seeOther("/console/incidents/" + result.aggregateId() + "?seen=" + result.version());
        } catch (CommandRefused refused) {
            FormProblems refusal = FormProblems.of(refused, DeclarationForm.FIELDS);
            return page(refusal.status(), form.again(), refusal);
        }
    }

    private ModelAndView page(HttpStatus status, DeclarationForm form, FormProblems problems) {
        List<Pickable> components = queries.components().stream().map(ResponderQueries.ComponentState::component)
                .filter(c -> !c.retired()).map(DeclareController::pickable).toList();
        return Pages.page("declare", status, Map.of("form", form, "problems", problems, "components", components,
                "impacts", choices(Impact.values()), "statuses", choices(IncidentStatus.INVESTIGATING,
                        IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING),
                "componentStatuses", choices(ComponentStatus.values()),
                "templates", templateQueries.all(false).stream().filter(t -> t.kind() == TemplateKind.DECLARATION)
                        .toList()));
    }

    private static Pickable pickable(ResponderComponent component) {
        return new Pickable(component.id(), component.name(), component.group());
    }

    private static List<Choice> choices(io.incidenttimeline.core.shared.WireEnum... values) {
        return Arrays.stream(values).map(v -> new Choice(v.wire(), v.wire().replace('_', ' '))).toList();
    }
}
