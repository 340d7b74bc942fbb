package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.http.command.IncidentRequests;
import io.incidenttimeline.core.incident.command.RecordLifecycleTime;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The incident page's lifecycle form (templates/console/incident-lifecycle.html): records or corrects when a moment
 * happened. It answers as the page's other forms do, through {@link IncidentConsoleController#submit}.
 */
@Controller
@RequestMapping("/console/incidents/{incidentId}")
class LifecycleConsoleController {

    static final String FORM = "lifecycle";

    private final IncidentConsoleController page;
    private final Commands commands;

    LifecycleConsoleController(IncidentConsoleController page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/lifecycle")
    ModelAndView recordLifecycleTime(@PathVariable String incidentId,
                                     @RequestParam MultiValueMap<String, String> fields, Authentication person) {
        SubmittedForm form = SubmittedForm.of(FORM, fields);
        return page.submit(incidentId, form, person, result -> FORM,
                (incident, actor) -> commands.send(command(incidentId, form), actor));
    }

    /** The form's fields are the API's: the moment (the path's last segment there), {@code at} and {@code reason}. */
    private static RecordLifecycleTime command(String incidentId, SubmittedForm form) {
        String moment = form.text("moment");
        if (moment == null) {
            throw new FormProblem("moment", "choose the moment to record");
        }
        return new IncidentRequests.LifecycleTime(form.utc("at"), form.text("reason"), null)
                .toCommand(incidentId, moment, form.version());
    }
}
