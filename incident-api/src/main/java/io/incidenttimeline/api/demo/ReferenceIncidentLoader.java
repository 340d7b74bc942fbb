package io.incidenttimeline.api.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.command.CommandContext;
import io.incidenttimeline.api.component.ComponentController;
import io.incidenttimeline.api.incident.IncidentCommandController;
import io.incidenttimeline.api.incident.IncidentRequests;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, loads the reference incident and its component through the same controllers the
 * HTTP API uses, as the actor {@code demo-loader} on the channel {@code demo}. Loading is skipped when the incident
 * exists, and every step carries an idempotency key, so starting twice never loads it twice.
 */
@Component
@Profile("demo")
class ReferenceIncidentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceIncidentLoader.class);
    private static final Pattern INCIDENT_PATH = Pattern.compile("/api/v1/incidents/([^/]+)/([a-z-]+)");

    private final EventStore eventStore;
    private final ComponentController components;
    private final IncidentCommandController incidents;
    private final ObjectMapper json;

    ReferenceIncidentLoader(EventStore eventStore, ComponentController components, IncidentCommandController incidents,
                            ObjectMapper json) {
        this.eventStore = eventStore;
        this.components = components;
        this.incidents = incidents;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws JsonProcessingException {
        if (eventStore.lastSequenceNumberFor(ReferenceIncident.INCIDENT_ID).isPresent()) {
            log.info("Reference incident {} is loaded already", ReferenceIncident.INCIDENT_ID);
            return;
        }
        List<ReferenceIncident.Step> steps = ReferenceIncident.steps(json);
        for (int i = 0; i < steps.size(); i++) {
            ReferenceIncident.Step step = steps.get(i);
            var context = new CommandContext("demo-loader", "admin", "demo", "demo-reference-incident",
                    "reference-incident-step-" + (i + 1), null, step.method() + " " + step.path());
            ResponseEntity<Object> response = perform(step, context);
            if (!response.getStatusCode().is2xxSuccessful()) {
                throw new IllegalStateException("loading the reference incident failed at " + step.method() + " "
                        + step.path() + ": " + response.getStatusCode() + " " + response.getBody());
            }
        }
        log.info("Loaded the reference incident {} ({} requests)", ReferenceIncident.INCIDENT_ID, steps.size());
    }

    private ResponseEntity<Object> perform(ReferenceIncident.Step step, CommandContext context)
            throws JsonProcessingException {
        String route = step.method() + " " + step.path();
        if (route.equals("POST /api/v1/components")) {
            return components.define(body(step, ComponentController.Definition.class), context);
        }
        if (route.equals("POST /api/v1/incidents")) {
            return incidents.declare(body(step, IncidentRequests.Declare.class), context);
        }
        Matcher matcher = INCIDENT_PATH.matcher(step.path());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the demo loader has no route for " + route);
        }
        String id = matcher.group(1);
        return switch (step.method() + " " + matcher.group(2)) {
            case "PUT impact-window" -> incidents.recordImpactWindow(id, body(step, IncidentRequests.ImpactWindow.class), context);
            case "PUT impact" -> incidents.changeImpact(id, body(step, IncidentRequests.ImpactChange.class), context);
            case "POST updates" -> incidents.postUpdate(id, body(step, IncidentRequests.Update.class), context);
            case "PUT postmortem" -> incidents.publishPostMortem(id, body(step, IncidentRequests.PostMortem.class), context);
            case "POST translations" -> incidents.addTranslation(id, body(step, IncidentRequests.Translation.class), context);
            default -> throw new IllegalArgumentException("the demo loader has no route for " + route);
        };
    }

    private <T> T body(ReferenceIncident.Step step, Class<T> type) throws JsonProcessingException {
        return json.treeToValue(step.body(), type);
    }
}
