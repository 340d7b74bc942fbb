package io.incidenttimeline.projections.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.incidenttimeline.core.component.ComponentEvent;
import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.DomainEvent;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.responder.ResponderIncident.Outcome;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

/** The responder view's fold: every event moves the version on, corrections keep their history, promises are judged. */
class ResponderIncidentFoldTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ID = "inc-1";

    private long version = -1;

    private ResponderIncident fold(ResponderIncident state, DomainEvent event) {
        return ResponderIncidentFold.apply(state, event, new Recorded(++version, "alice", "api"));
    }

    private ResponderIncident declared() {
        return fold(null, new IncidentDeclared(ID, "Title", "en", Impact.MINOR, Map.of(), List.of(), T0, T0));
    }

    private static UpdatePosted update(String id, Visibility visibility, int minute, Integer promiseInMinutes) {
        Instant at = T0.plusSeconds(60L * minute);
        return new UpdatePosted(ID, id, IncidentStatus.IDENTIFIED, "text " + id, visibility, Map.of(),
                promiseInMinutes == null ? null : at.plusSeconds(60L * promiseInMinutes), at, at);
    }

    @Test
    void aPublicPromiseIsAnsweredOnlyByAPublicUpdateAndAnInternalOneByEither() {
        ResponderIncident incident = declared();
        incident = fold(incident, update("u1", Visibility.PUBLIC, 0, 30));
        incident = fold(incident, update("u2", Visibility.INTERNAL, 10, 5));
        incident = fold(incident, update("u3", Visibility.INTERNAL, 14, null));
        incident = fold(incident, update("u4", Visibility.PUBLIC, 40, 30));

        List<ResponderIncident.Promise> promises = incident.promises(T0.plusSeconds(60L * 50));
        assertThat(promises).extracting(ResponderIncident.Promise::updateId).containsExactly("u1", "u2", "u4");
        assertThat(promises.get(0).answeredBy()).as("internal updates do not answer the public").isEqualTo("u4");
        assertThat(promises.get(0).outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(promises.get(1).answeredBy()).isEqualTo("u3");
        assertThat(promises.get(1).outcome()).isEqualTo(Outcome.KEPT);
        assertThat(promises.get(2).outcome()).isEqualTo(Outcome.PENDING);
        assertThat(incident.promises(T0.plusSeconds(60L * 71)).get(2).outcome()).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void aRetractedUpdateNeitherPromisesNorAnswersAndKeepsItsTextAndReason() {
        ResponderIncident incident = fold(declared(), update("u1", Visibility.PUBLIC, 0, 30));
        incident = fold(incident, update("u2", Visibility.PUBLIC, 10, 30));
        incident = fold(incident, new UpdateRetracted(ID, "u2", "wrong incident", T0.plusSeconds(700), T0.plusSeconds(700)));

        assertThat(incident.promises(T0.plusSeconds(60L * 20))).singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(Outcome.PENDING));
        assertThat(incident.update("u2").message()).isEqualTo("text u2");
        assertThat(incident.update("u2").retraction().reason()).isEqualTo("wrong incident");
        assertThat(incident.update("u2").retraction().retracted().by()).isEqualTo("alice");
        assertThat(incident.visible()).isTrue();
        assertThat(incident.version()).isEqualTo(3);
    }

    @Test
    void aTranslationGivenBeforeAnAmendmentIsOlderThanTheTextItTranslates() {
        ResponderIncident incident = fold(declared(), update("u1", Visibility.PUBLIC, 0, null));
        incident = fold(incident, new TranslationAdded(ID, "de", false, null, null, Map.of("u1", "Text"), null, T0, T0));
        long translatedAt = incident.translations().get("de").updates().get("u1").version();
        assertThat(translatedAt).isGreaterThan(incident.update("u1").textVersion());

        incident = fold(incident, new UpdateAmended(ID, "u1", "better text", "clarity", T0, T0));
        assertThat(incident.update("u1").textVersion()).isGreaterThan(translatedAt);
        assertThat(incident.update("u1").amendments()).singleElement().satisfies(a -> {
            assertThat(a.previousMessage()).isEqualTo("text u1");
            assertThat(a.message()).isEqualTo("better text");
        });
    }

    @Test
    void resolutionAndReopeningFollowTheIncidentsOwnEvents() {
        ResponderIncident incident = fold(declared(), update("u1", Visibility.INTERNAL, 0, null));
        incident = fold(incident, new UpdatePosted(ID, "u2", IncidentStatus.RESOLVED, "done", Visibility.INTERNAL,
                Map.of(), null, T0.plusSeconds(60), T0.plusSeconds(60)));
        incident = fold(incident, new IncidentResolved(ID, "u2", T0.plusSeconds(60), T0.plusSeconds(60)));
        assertThat(incident.resolved()).isTrue();
        assertThat(incident.resolvedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(incident.visible()).as("internal updates only").isFalse();

        incident = fold(incident, new IncidentReopened(ID, "u3", T0.plusSeconds(120), T0.plusSeconds(120)));
        assertThat(incident.resolvedAt()).isNull();
    }

    @Test
    void lifecycleMomentsKeepEveryRecordingAndResolvedFollowsTheResolvingUpdateUntilCorrected() {
        Instant detectedGuess = T0.minusSeconds(300);
        Instant detected = T0.minusSeconds(600);
        ResponderIncident incident = fold(declared(), update("u1", Visibility.PUBLIC, 0, null));
        incident = fold(incident, new LifecycleTimeRecorded(ID, "detected", detectedGuess, null, null, T0, T0));
        incident = fold(incident, new LifecycleTimeRecorded(ID, "detected", detected, detectedGuess, "alert history",
                T0.plusSeconds(30), T0.plusSeconds(31)));
        incident = fold(incident, new LifecycleTimeRecorded(ID, "mitigated", T0.plusSeconds(120), null, null, T0, T0));
        incident = fold(incident, new UpdatePosted(ID, "u2", IncidentStatus.RESOLVED, "done", Visibility.PUBLIC,
                Map.of(), null, T0.plusSeconds(180), T0.plusSeconds(180)));
        incident = fold(incident, new IncidentResolved(ID, "u2", T0.plusSeconds(180), T0.plusSeconds(180)));

        assertThat(incident.lifecycle()).extracting(ResponderIncident.LifecycleMoment::moment)
                .as("in the order they happened").containsExactly("detected", "mitigated", "resolved");
        ResponderIncident.LifecycleMoment detection = incident.lifecycle().get(0);
        assertThat(detection.at()).isEqualTo(detected);
        assertThat(detection.history()).hasSize(2);
        assertThat(detection.history().get(1)).satisfies(correction -> {
            assertThat(correction.previousAt()).isEqualTo(detectedGuess);
            assertThat(correction.reason()).isEqualTo("alert history");
            assertThat(correction.recorded().by()).isEqualTo("alice");
            assertThat(correction.recorded().at()).isEqualTo(T0.plusSeconds(30));
            assertThat(correction.recorded().recordedAt()).isEqualTo(T0.plusSeconds(31));
        });
        assertThat(incident.lifecycle().get(2)).satisfies(resolved -> {
            assertThat(resolved.at()).isEqualTo(T0.plusSeconds(180));
            assertThat(resolved.fromUpdate()).isEqualTo("u2");
            assertThat(resolved.history()).isEmpty();
        });

        incident = fold(incident, new LifecycleTimeRecorded(ID, "resolved", T0.plusSeconds(150), T0.plusSeconds(180),
                "verified earlier", T0, T0));
        assertThat(incident.lifecycle().get(2)).satisfies(resolved -> {
            assertThat(resolved.at()).isEqualTo(T0.plusSeconds(150));
            assertThat(resolved.fromUpdate()).isNull();
            assertThat(resolved.history()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("verified earlier"));
        });

        incident = fold(incident, new IncidentReopened(ID, "u3", T0.plusSeconds(240), T0.plusSeconds(240)));
        assertThat(incident.lifecycle()).last().satisfies(resolved -> {
            assertThat(resolved.moment()).isEqualTo("resolved");
            assertThat(resolved.at()).as("open again").isNull();
            assertThat(resolved.history()).hasSize(1);
        });
    }

    /** The document's version is the aggregate's only if no event of an incident or a component goes unhandled. */
    @Test
    void theProjectionHandlesEveryEventOfIncidentsAndComponents() {
        Set<Class<?>> events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.incidenttimeline.core").stream()
                .filter(c -> c.isAssignableTo(IncidentEvent.class) || c.isAssignableTo(ComponentEvent.class))
                .filter(JavaClass::isRecord).map(JavaClass::reflect).collect(Collectors.toSet());
        Set<Class<?>> handled = Arrays.stream(ResponderViewProjection.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class)).map(Method::getParameterTypes)
                .map(types -> types[0]).collect(Collectors.toSet());

        assertThat(events).hasSizeGreaterThan(12);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(events);
    }
}
