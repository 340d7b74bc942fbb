package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.CommandRefused;
import io.incidenttimeline.api.application.CommandResult;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.application.Refusal;
import io.incidenttimeline.api.application.Refusals;
import io.incidenttimeline.api.console.page.ConsoleNotFound;
import io.incidenttimeline.api.console.page.Pages;
import io.incidenttimeline.api.http.infra.problem.RefusalProblems;
import io.incidenttimeline.api.http.read.responder.ResponderIncidentView;
import io.incidenttimeline.core.incident.command.AssignRole;
import io.incidenttimeline.core.incident.command.ReleaseRole;
import io.incidenttimeline.core.shared.CommandRejected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The incident page's roles form (templates/console/incident-roles.html): assign or hand over a role, or release it,
 * as the signed-in person. Like every form of the page it carries the incident's version, so a stale page is
 * refused (409, what changed shown) and a refusal is shown next to its field with the input kept.
 */
@Controller
@RequestMapping("/console/incidents/{incidentId}/roles")
class IncidentRolesConsoleController {

    static final String FORM = "role";

    private final IncidentPage page;
    private final Commands commands;

    IncidentRolesConsoleController(IncidentPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping
    ModelAndView assign(@PathVariable String incidentId, @RequestParam MultiValueMap<String, String> fields,
                        Authentication person) {
        SubmittedForm form = SubmittedForm.of(FORM, fields);
        return submit(incidentId, form, person, () -> new AssignRole(incidentId, form.text("role"), form.raw("holder"),
                form.text("reason"), null, form.version()));
    }

    @PostMapping("/{role}/release")
    ModelAndView release(@PathVariable String incidentId, @PathVariable String role,
                         @RequestParam MultiValueMap<String, String> fields, Authentication person) {
        SubmittedForm form = SubmittedForm.of("release-" + role, fields);
        return submit(incidentId, form, person, () -> new ReleaseRole(incidentId, role, null, null, form.version()));
    }

    private ModelAndView submit(String incidentId, SubmittedForm form, Authentication person, Supplier<Object> command) {
        Actor actor = ConsoleActors.writer(person);
        ResponderIncidentView incident = incident(incidentId, null);
        try {
            form.version();
            CommandResult result = commands.send(command.get(), actor);
            return Pages.seeOther("/console/incidents/" + incidentId + "?seen=" + result.version() + "#roles");
        } catch (FormProblem problem) {
            return render(incident, form, person, new FormState.Problem(problem.field(), problem.getMessage()),
                    HttpStatus.BAD_REQUEST);
        } catch (CommandRejected rejected) {
            return refused(incident, form, person, Refusals.of(rejected).orElseThrow());
        } catch (CommandRefused refused) {
            if (refused.refusal().kind() == Refusal.Kind.STALE_VERSION) {
                long formVersion = form.version();
                ResponderIncidentView current = incident(incidentId, formVersion + 1);
                List<String> seen = form.seenUpdates();
                List<ResponderIncidentView.Update> added = new ArrayList<>(current.updates().stream()
                        .filter(u -> !seen.contains(u.id())).toList());
                Collections.reverse(added);
                return page.render(current, new IncidentPage.PageRequest(true, null),
                        FormState.stale(form, new FormState.Stale(formVersion, current.version(), added)),
                        HttpStatus.CONFLICT);
            }
            return refused(incident, form, person, refused.refusal());
        }
    }

    private ModelAndView refused(ResponderIncidentView incident, SubmittedForm form, Authentication person,
                                 Refusal refusal) {
        return render(incident, form, person, new FormState.Problem(refusal.field(), refusal.detail()),
                RefusalProblems.status(refusal.kind()));
    }

    private ModelAndView render(ResponderIncidentView incident, SubmittedForm form, Authentication person,
                                FormState.Problem problem, HttpStatus status) {
        return page.render(incident, new IncidentPage.PageRequest(ConsoleActors.canWrite(person), null),
                FormState.refused(form, problem), status);
    }

    private ResponderIncidentView incident(String incidentId, Long minVersion) {
        return page.incident(incidentId, minVersion)
                .orElseThrow(() -> new ConsoleNotFound("There is no incident " + incidentId + "."));
    }
}
