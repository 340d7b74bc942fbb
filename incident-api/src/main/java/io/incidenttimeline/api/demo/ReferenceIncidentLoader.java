package io.incidenttimeline.api.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.api.application.Actor;
import io.incidenttimeline.api.application.Commands;
import io.incidenttimeline.api.application.RequestFingerprints;
import io.incidenttimeline.api.http.command.ComponentController;
import io.incidenttimeline.api.http.command.IncidentRequests;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, loads the reference incident and its component by sending the commands its requests
 * stand for, as the actor {@code demo-loader} on the channel {@code demo}. Loading is skipped when the incident exists,
 * and every step carries an idempotency key, so starting twice never loads it twice.
 */
@Component
@Profile("demo")
class ReferenceIncidentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceIncidentLoader.class);
    private static final String INCIDENT = ReferenceIncident.INCIDENT_ID;

    private final EventStore eventStore;
    private final Commands commands;
    private final RequestFingerprints fingerprints;
    private final ObjectMapper json;

    ReferenceIncidentLoader(EventStore eventStore, Commands commands, RequestFingerprints fingerprints,
                            ObjectMapper json) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.fingerprints = fingerprints;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws JsonProcessingException {
        if (eventStore.lastSequenceNumberFor(INCIDENT).isPresent()) {
            log.info("Reference incident {} is loaded already", INCIDENT);
            return;
        }
        List<ReferenceIncident.Step> steps = ReferenceIncident.steps(json);
        for (int i = 0; i < steps.size(); i++) {
            ReferenceIncident.Step step = steps.get(i);
            Request request = request(step);
            var actor = new Actor("demo-loader", "admin", "demo", "demo-reference-incident").withIdempotencyKey(
                    "reference-incident-step-" + (i + 1),
                    fingerprints.of(step.method() + " " + step.path(), request.body()));
            commands.send(request.command(), actor);
        }
        log.info("Loaded the reference incident {} ({} requests)", INCIDENT, steps.size());
    }

    /** A step's request body, as the API reads it, and the command the API sends for it. */
    private record Request(Object body, Object command) {
    }

    /** The reference requests give every id, so the commands are the ones the API would send for them. */
    private Request request(ReferenceIncident.Step step) throws JsonProcessingException {
        return switch (step.command()) {
            case "DefineComponent" -> {
                var definition = body(step, ComponentController.Definition.class);
                yield new Request(definition, definition.toCommand());
            }
            case "DeclareIncident" -> {
                var declare = body(step, IncidentRequests.Declare.class);
                yield new Request(declare, declare.toCommand(declare.id(), declare.updateId()));
            }
            case "RecordImpactWindow" -> {
                var window = body(step, IncidentRequests.ImpactWindow.class);
                yield new Request(window, window.toCommand(INCIDENT, null));
            }
            case "RecordLifecycleTime" -> {
                var time = body(step, IncidentRequests.LifecycleTime.class);
                String moment = step.path().substring(step.path().lastIndexOf('/') + 1);
                yield new Request(time, time.toCommand(INCIDENT, moment, null));
            }
            case "ChangeImpact" -> {
                var impact = body(step, IncidentRequests.ImpactChange.class);
                yield new Request(impact, impact.toCommand(INCIDENT, null));
            }
            case "PostUpdate" -> {
                var update = body(step, IncidentRequests.Update.class);
                yield new Request(update, update.toCommand(INCIDENT, update.updateId(), null));
            }
            case "PublishPostMortem" -> {
                var postMortem = body(step, IncidentRequests.PostMortem.class);
                yield new Request(postMortem, postMortem.toCommand(INCIDENT, null));
            }
            case "AddTranslation" -> {
                var translation = body(step, IncidentRequests.Translation.class);
                yield new Request(translation, translation.toCommand(INCIDENT, null));
            }
            default -> throw new IllegalArgumentException("the demo loader cannot send " + step.command());
        };
    }

    private <T> T body(ReferenceIncident.Step step, Class<T> type) throws JsonProcessingException {
        return json.treeToValue(step.body(), type);
    }
}
