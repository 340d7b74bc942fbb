package io.incidenttimeline.api.console.incident;

import io.incidenttimeline.api.http.read.responder.ResponderIncidentView;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.WireEnum;
import io.incidenttimeline.projections.responder.ResponderQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Renders {@code console/incident}: one incident from the responder view, with its forms in {@code form}'s state. */
@Component
class IncidentPage {

    static final String TEMPLATE = "console/incident";
    /** How long the page waits for the responder view to show a command the person just sent. */
    static final Duration WAIT_FOR_OWN_WRITE = Duration.ofSeconds(5);
    private static final ConsoleTimes TIMES = new ConsoleTimes();

    private final ResponderQueries queries;
    private final Clock clock;
    private final UpdateTemplates updateTemplates;

    IncidentPage(ResponderQueries queries, Clock clock, UpdateTemplates updateTemplates) {
        this.updateTemplates = updateTemplates;
        this.queries = queries;
        this.clock = clock;
    }

    /** A component the update form offers: the incident's own and the catalogue's live ones. */
    record ComponentChoice(String id, String name, String group, ComponentStatus status) {

        public String label() {
            return group == null ? name : group + " / " + name;
        }
    }

    /** The incident at {@code minVersion} or later (waiting a little for the view), or the latest the view has. */
    Optional<ResponderIncidentView> incident(String incidentId, Long minVersion) {
        var found = minVersion == null ? queries.incident(incidentId)
                : queries.incident(incidentId, minVersion, WAIT_FOR_OWN_WRITE);
        var catalogue = queries.components().stream().map(ResponderQueries.ComponentState::component).toList();
        return found.map(incident -> ResponderIncidentView.of(incident, catalogue, clock.instant()));
    }

    ModelAndView render(ResponderIncidentView incident, PageRequest request, FormState form, HttpStatus status) {
        Instant now = clock.instant();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("incident", incident);
        List<ResponderIncidentView.Update> timeline = new ArrayList<>(incident.updates());
        Collections.reverse(timeline);
        model.put("timeline", timeline);
        model.put("seenUpdates", incident.updates().stream().map(ResponderIncidentView.Update::id)
                .collect(Collectors.joining(",")));
        model.put("nextUpdate", NextUpdate.of(incident, now).orElse(null));
        List<ComponentChoice> choices = choices(incident);
        model.put("choices", choices);
        model.put("componentNames", choices.stream()
                .collect(Collectors.toMap(ComponentChoice::id, ComponentChoice::label, (a, b) -> a)));
        model.put("translatable", incident.updates().stream().filter(u -> !u.internal() && !u.retracted()).toList());
        model.put("renewing", incident.translations().stream()
                .filter(t -> t.locale().equals(request.translate())).findFirst().orElse(null));
        model.put("canWrite", request.canWrite());
        model.put("updateTemplates", request.canWrite() ? updateTemplates.pickable() : List.of());
        model.put("form", form);
        model.put("times", TIMES);
        model.put("statuses", wires(IncidentStatus.values()));
        model.put("impacts", wires(Impact.values()));
        model.put("componentStatuses", wires(ComponentStatus.values()));
        return new ModelAndView(TEMPLATE, model, status);
    }

    /** The person looking, and the translation they chose to renew (null for a new one). */
    record PageRequest(boolean canWrite, String translate) {
    }

    private List<ComponentChoice> choices(ResponderIncidentView incident) {
        Map<String, ComponentStatus> current = incident.components().stream()
                .collect(Collectors.toMap(ResponderIncidentView.ComponentLine::id,
                        ResponderIncidentView.ComponentLine::status, (a, b) -> a));
        List<ComponentChoice> choices = new ArrayList<>();
        incident.components().forEach(c -> choices.add(new ComponentChoice(c.id(), c.name(), c.group(), c.status())));
        queries.components().stream().map(ResponderQueries.ComponentState::component)
                .filter(c -> !c.retired() && !current.containsKey(c.id())).sorted(ResponderQueries.BY_POSITION)
                .forEach(c -> choices.add(new ComponentChoice(c.id(), c.name(), c.group(), null)));
        return choices;
    }

    private static List<String> wires(WireEnum[] values) {
        return Arrays.stream(values).map(WireEnum::wire).toList();
    }
}
