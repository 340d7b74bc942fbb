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
import io.incidenttimeline.core.shared.CommandRejected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * One incident in the console: its timeline from the responder view and a plain HTML form per command. Each form
 * carries the incident's version, which its command expects (a stale page is refused, never overwritten); after a
 * command the browser is sent back to the page (303), which waits for the responder view to show the command.
 */
@Controller
@RequestMapping("/console/incidents/{incidentId}")
class IncidentConsoleController {

    private final IncidentPage page;
    private final IncidentForms forms;
    private final Commands commands;

    IncidentConsoleController(IncidentPage page, IncidentForms forms, Commands commands) {
        this.page = page;
        this.forms = forms;
        this.commands = commands;
    }

    /** {@code seen}: the version a command of this person answered, which the page waits (briefly) to show. */
    @GetMapping
    ModelAndView show(@PathVariable String incidentId, @RequestParam(required = false) String seen,
                      @RequestParam(required = false) String translate, Authentication person) {
        return page.render(incident(incidentId, version(seen)), request(person, translate), FormState.NONE,
                HttpStatus.OK);
    }

    @PostMapping("/updates")
    ModelAndView postUpdate(@PathVariable String incidentId, @RequestParam MultiValueMap<String, String> fields,
                            Authentication person) {
        SubmittedForm form = SubmittedForm.of("update", fields);
        if ("preview".equals(form.text("action"))) {
            return preview(incidentId, form, person);
        }
        return submit(incidentId, form, person, result -> "update-" + result.updateId(),
                (incident, actor) -> forms.postUpdate(incident, form, actor));
    }

    @PostMapping("/updates/{updateId}/amendment")
    ModelAndView amend(@PathVariable String incidentId, @PathVariable String updateId,
                       @RequestParam MultiValueMap<String, String> fields, Authentication person) {
        SubmittedForm form = SubmittedForm.of("amend-" + updateId, fields);
        return submit(incidentId, form, person, result -> "update-" + updateId,
                (incident, actor) -> commands.send(forms.amendment(incidentId, updateId, form), actor));
    }

    @PostMapping("/updates/{updateId}/retraction")
    ModelAndView retract(@PathVariable String incidentId, @PathVariable String updateId,
                         @RequestParam MultiValueMap<String, String> fields, Authentication person) {
        SubmittedForm form = SubmittedForm.of("retract-" + updateId, fields);
        return submit(incidentId, form, person, result -> "update-" + updateId,
                (incident, actor) -> commands.send(forms.retraction(incidentId, updateId, form), actor));
    }

    @PostMapping("/impact-window")
    ModelAndView recordImpactWindow(@PathVariable String incidentId,
                                    @RequestParam MultiValueMap<String, String> fields, Authentication person) {
        SubmittedForm form = SubmittedForm.of("window", fields);
        return submit(incidentId, form, person, result -> "impact",
                (incident, actor) -> commands.send(forms.impactWindow(incidentId, form), actor));
    }

    @PostMapping("/postmortem")
    ModelAndView publishPostMortem(@PathVariable String incidentId,
                                   @RequestParam MultiValueMap<String, String> fields, Authentication person) {
        SubmittedForm form = SubmittedForm.of("postmortem", fields);
        return submit(incidentId, form, person, result -> "postmortem",
                (incident, actor) -> forms.publishPostMortem(incidentId, form, actor));
    }

    @PostMapping("/postmortem/remediation/{itemId}/completion")
    ModelAndView completeRemediationItem(@PathVariable String incidentId, @PathVariable String itemId,
                                         @RequestParam MultiValueMap<String, String> fields, Authentication person) {
        SubmittedForm form = SubmittedForm.of("complete-" + itemId, fields);
        return submit(incidentId, form, person, result -> "item-" + itemId,
                (incident, actor) -> commands.send(forms.completion(incidentId, itemId, form), actor));
    }

    @PostMapping("/translations")
    ModelAndView addTranslation(@PathVariable String incidentId, @RequestParam MultiValueMap<String, String> fields,
                                Authentication person) {
        SubmittedForm form = SubmittedForm.of("translation", fields);
        return submit(incidentId, form, person, result -> "translations",
                (incident, actor) -> commands.send(forms.translation(incidentId, form), actor));
    }

    /** Sends a form's command(s) on behalf of the signed-in person. */
    @FunctionalInterface
    interface Send {
        CommandResult send(ResponderIncidentView incident, Actor actor);
    }

    /**
     * Sends a form's command and answers as every form of the page does: back to the page (303) at {@code anchor},
     * or the page again with the refusal next to its field, or the stale page (409). The page's forms that live in
     * controllers of their own submit through this too.
     */
    ModelAndView submit(String incidentId, SubmittedForm form, Authentication person,
                        Function<CommandResult, String> anchor, Send send) {
        Actor actor = ConsoleActors.writer(person);
        ResponderIncidentView incident = incident(incidentId, null);
        try {
            form.version();
            CommandResult result = send.send(incident, actor);
            return redirect(incidentId, result.version(), anchor.apply(result));
        } catch (FormProblem problem) {
            return refused(incident, form, person, new FormState.Problem(problem.field(), problem.getMessage()),
                    HttpStatus.BAD_REQUEST);
        } catch (CommandRejected rejected) {
            return refused(incident, form, person, Refusals.of(rejected).orElseThrow());
        } catch (CommandRefused refused) {
            if (refused.refusal().kind() == Refusal.Kind.STALE_VERSION) {
                return stale(incidentId, form, person);
            }
            return refused(incident, form, person, refused.refusal());
        }
    }

    private ModelAndView preview(String incidentId, SubmittedForm form, Authentication person) {
        ConsoleActors.writer(person);
        ResponderIncidentView incident = incident(incidentId, null);
        try {
            return page.render(incident, request(person, null), FormState.previewed(form, forms.preview(form)),
                    HttpStatus.OK);
        } catch (FormProblem problem) {
            return refused(incident, form, person, new FormState.Problem(problem.field(), problem.getMessage()),
                    HttpStatus.BAD_REQUEST);
        } catch (CommandRejected rejected) {
            return refused(incident, form, person, Refusals.of(rejected).orElseThrow());
        }
    }

    /** The page again, with what changed since the form's version and the person's input still in the form. */
    private ModelAndView stale(String incidentId, SubmittedForm form, Authentication person) {
        long formVersion = form.version();
        ResponderIncidentView current = incident(incidentId, formVersion + 1);
        Set<String> seen = Set.copyOf(form.seenUpdates());
        List<ResponderIncidentView.Update> added = new ArrayList<>(current.updates().stream()
                .filter(u -> !seen.contains(u.id())).toList());
        Collections.reverse(added);
        return page.render(current, request(person, null),
                FormState.stale(form, new FormState.Stale(formVersion, current.version(), added)), HttpStatus.CONFLICT);
    }

    private ModelAndView refused(ResponderIncidentView incident, SubmittedForm form, Authentication person,
                                 Refusal refusal) {
        return refused(incident, form, person, new FormState.Problem(refusal.field(), refusal.detail()),
                RefusalProblems.status(refusal.kind()));
    }

    private ModelAndView refused(ResponderIncidentView incident, SubmittedForm form, Authentication person,
                                 FormState.Problem problem, HttpStatus status) {
        return page.render(incident, request(person, null), FormState.refused(form, problem), status);
    }

    private ResponderIncidentView incident(String incidentId, Long minVersion) {
        return page.incident(incidentId, minVersion)
                .orElseThrow(() -> new ConsoleNotFound("There is no incident " + incidentId + "."));
    }

    private static IncidentPage.PageRequest request(Authentication person, String translate) {
        return new IncidentPage.PageRequest(ConsoleActors.canWrite(person), translate);
    }

    private static ModelAndView redirect(String incidentId, long version, String anchor) {
        return Pages.seeOther("/console/incidents/" + incidentId + "?seen=" + version + "#" + anchor);
    }

    private static Long version(String seen) {
        try {
            return seen == null ? null : Long.valueOf(seen);
        } catch (NumberFormatException e) {
            return null; // only a hint to wait for the view: without it the page shows what the view has
        }
    }
}
