package io.incidenttimeline.api.console.template;

import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Refusal;
import io.incidenttimeline.api.application.Refusals;
import io.incidenttimeline.api.console.forms.ConsoleCommands;
import io.incidenttimeline.api.console.forms.FormProblems;
import io.incidenttimeline.api.console.page.ConsoleUser;
import io.incidenttimeline.api.console.page.Pages;
import io.incidenttimeline.api.http.infra.problem.RefusalProblems;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.core.shared.WireEnum;
import io.incidenttimeline.core.template.RetireTemplate;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.core.template.TemplateName;
import io.incidenttimeline.projections.responder.ResponderQueries;
import io.incidenttimeline.projections.template.ResponderTemplate;
import io.incidenttimeline.projections.template.TemplateQueries;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Managing templates from the console: the list, the form to create one, and a template's page with the form to
 * change it (carrying its version: a stale form is refused with 409, the input kept) and the button to retire it.
 * Each sends the command the API's {@code /api/v1/templates} sends, as the signed-in person on channel
 * {@code console}. Auditors see the pages without forms; the console's chain answers their posts with 403.
 */
@Controller
class TemplatesConsoleController {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ConsoleCommands commands;
    private final TemplateQueries templates;
    private final ResponderQueries queries;

    TemplatesConsoleController(ConsoleCommands commands, TemplateQueries templates, ResponderQueries queries) {
        this.commands = commands;
        this.templates = templates;
        this.queries = queries;
    }

    /** A component of the picker: the catalogue's live ones. */
    public record Pickable(String id, String name, String group) {
    }

    /** A choice of a select or radio group: its wire value and its words. */
    public record Choice(String value, String words) {
    }

    /** What changed under a stale form: the version it was opened at and the one the template has now. */
    public record Stale(String formVersion, long currentVersion) {
    }

    @GetMapping("/console/templates")
    ModelAndView list() {
        return Pages.page("templates", HttpStatus.OK, Map.of("templates", templates.all(true)));
    }

    @GetMapping("/console/templates/new")
    ModelAndView form() {
        TemplateForm form = TemplateForm.blank();
        return edit(HttpStatus.OK, null, form, FormProblems.none(form.fields()), null);
    }

    @PostMapping("/console/templates")
    ModelAndView create(@RequestParam MultiValueMap<String, String> fields) {
        TemplateForm form = TemplateForm.of(fields);
        FormProblems problems = FormProblems.none(form.fields());
        var request = form.creation(problems);
        if (problems.any()) {
            return edit(HttpStatus.BAD_REQUEST, null, form.again(null), problems, null);
        }
        try {
            TemplateName.checked("name", request.name());
            CommandResult result = commands.send(request.toCommand(), user(), form.formKey(),
                    "POST /console/templates", request);
            return Pages.seeOther(path(request.name()) + "?seen=" + result.version());
        } catch (CommandRejected rejected) {
            return edit(null, null, form.again(null), refusal(form, Refusals.of(rejected).orElseThrow()), null);
        } catch (CommandRefused refused) {
            return edit(null, null, form.again(null), refusal(form, refused.refusal()), null);
        }
    }

    /** {@code seen}: the version a command of this person answered, which the page waits (briefly) to show. */
    @GetMapping("/console/templates/{name}")
    ModelAndView show(@PathVariable String name, @RequestParam(required = false) String seen) {
        ResponderTemplate template = template(name, version(seen));
        TemplateForm form = TemplateForm.of(template);
        return edit(HttpStatus.OK, template, form, FormProblems.none(form.fields()), null);
    }

    @PostMapping("/console/templates/{name}")
    ModelAndView change(@PathVariable String name, @RequestParam MultiValueMap<String, String> fields) {
        ResponderTemplate template = template(name, null);
        TemplateForm form = TemplateForm.of(fields);
        FormProblems problems = FormProblems.none(form.fields());
        var request = form.change(problems);
        long expected = form.expectedVersion(problems);
        if (problems.any()) {
            return edit(HttpStatus.BAD_REQUEST, template, form.again(null), problems, null);
        }
        try {
            CommandResult result = commands.send(request.toCommand(template.name(), expected), user(),
                    form.formKey(), "PUT /console/templates/" + template.name(), request);
            return Pages.seeOther(path(template.name()) + "?seen=" + result.version());
        } catch (CommandRefused refused) {
            if (refused.refusal().kind() == Refusal.Kind.STALE_VERSION) {
                return stale(template.name(), form, expected);
            }
            return edit(null, template, form.again(null), refusal(form, refused.refusal()), null);
        }
    }

    @PostMapping("/console/templates/{name}/retire")
    ModelAndView retire(@PathVariable String name, @RequestParam MultiValueMap<String, String> fields) {
        ResponderTemplate template = template(name, null);
        TemplateForm shown = TemplateForm.of(template);
        FormProblems problems = FormProblems.none(shown.fields());
        long expected = TemplateForm.of(fields).expectedVersion(problems);
        if (problems.any()) {
            return edit(HttpStatus.BAD_REQUEST, template, shown, problems, null);
        }
        try {
            CommandResult result = commands.send(new RetireTemplate(template.name(), expected), user(),
                    fields.getFirst(ConsoleCommands.FORM_KEY), "DELETE /console/templates/" + template.name(),
                    template.name());
            return Pages.seeOther("/console/templates?retired=" + template.name() + "&seen=" + result.version());
        } catch (CommandRefused refused) {
            if (refused.refusal().kind() == Refusal.Kind.STALE_VERSION) {
                return stale(template.name(), shown, expected);
            }
            return edit(null, template, shown, refusal(shown, refused.refusal()), null);
        }
    }

    /** The page again at the template's current version, with the person's input still in the form. */
    private ModelAndView stale(String name, TemplateForm form, long formVersion) {
        ResponderTemplate current = template(name, formVersion + 1);
        return edit(HttpStatus.CONFLICT, current, form.again(Long.toString(current.version())),
                FormProblems.none(form.fields()), new Stale(Long.toString(formVersion), current.version()));
    }

    private static FormProblems refusal(TemplateForm form, Refusal refusal) {
        return FormProblems.none(form.fields()).add(form.formField(refusal.field()), refusal.detail())
                .withStatus(RefusalProblems.status(refusal.kind()));
    }

    private ModelAndView edit(HttpStatus status, ResponderTemplate template, TemplateForm form, FormProblems problems,
                              Stale stale) {
        List<Pickable> components = queries.components().stream().map(ResponderQueries.ComponentState::component)
                .filter(c -> !c.retired() || form.components().containsKey(c.id()))
                .map(c -> new Pickable(c.id(), c.name(), c.group())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("problems", problems);
        model.put("components", components);
        model.put("kinds", choices(TemplateKind.values()));
        model.put("impacts", choices(Impact.values()));
        model.put("statuses", choices(IncidentStatus.values()));
        model.put("visibilities", choices(Visibility.values()));
        model.put("componentStatuses", choices(ComponentStatus.values()));
        if (template != null) {
            model.put("template", template);
            model.put("retireKey", ConsoleCommands.newFormKey());
        }
        if (stale != null) {
            model.put("stale", stale);
        }
        return Pages.page(template == null ? "template-new" : "template", status != null ? status : problems.status(),
                model);
    }

    private ResponderTemplate template(String name, Long minVersion) {
        try {
            TemplateName.checked("name", name);
        } catch (CommandRejected invalid) {
            throw new io.incidenttimeline.api.console.page.ConsoleNotFound("no template is named " + name);
        }
        Optional<ResponderTemplate> found = minVersion == null ? templates.template(name)
                : templates.template(name, minVersion, WAIT);
        return found.orElseThrow(() -> new io.incidenttimeline.api.console.page.ConsoleNotFound(
                "no template is named " + name));
    }

    private static ConsoleUser user() {
        return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication()).filter(ConsoleUser::canWrite)
                .orElseThrow(() -> new AccessDeniedException("auditors read the console; they do not send commands"));
    }

    private static String path(String name) {
        return "/console/templates/" + name;
    }

    private static Long version(String seen) {
        try {
            return seen == null ? null : Long.valueOf(seen);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Choice> choices(WireEnum... values) {
        return Arrays.stream(values).map(v -> new Choice(v.wire(), v.wire().replace('_', ' '))).toList();
    }
}
