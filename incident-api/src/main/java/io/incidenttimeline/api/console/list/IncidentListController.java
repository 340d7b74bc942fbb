package io.incidenttimeline.api.console.list;

import io.incidenttimeline.api.console.page.Pages;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** {@code /console}: the open incidents with their next-update promises, then the recently resolved ones. */
@Controller
class IncidentListController {

    private final ConsoleIncidents incidents;

    IncidentListController(ConsoleIncidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping({"/console", "/console/"})
    ModelAndView list() {
        return Pages.page("list", HttpStatus.OK, Map.of("overview", incidents.overview()));
    }
}
