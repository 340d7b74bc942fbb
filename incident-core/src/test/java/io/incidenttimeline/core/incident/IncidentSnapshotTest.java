package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.CATALOGUE;
import static io.incidenttimeline.core.incident.ReferenceIncident.COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_TITLE;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.IMPACT_ENDED_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.IMPACT_STARTED_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.POST_MORTEM_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.RESOLUTION;
import static io.incidenttimeline.core.incident.ReferenceIncident.ROOT_CAUSE;
import static io.incidenttimeline.core.incident.ReferenceIncident.SUMMARY;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.declaration;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.postMortemPublished;
import static io.incidenttimeline.core.incident.ReferenceIncident.remediationDrafts;
import static io.incidenttimeline.core.incident.ReferenceIncident.remediationItems;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedByUpdate2;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.incident.ReferenceIncident.update2;
import static io.incidenttimeline.core.incident.ReferenceIncident.update2Posted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.core.incident.command.AddTranslation;
import io.incidenttimeline.core.incident.command.AmendUpdate;
import io.incidenttimeline.core.incident.command.ChangeImpact;
import io.incidenttimeline.core.incident.command.CompleteRemediationItem;
import io.incidenttimeline.core.incident.command.PublishPostMortem;
import io.incidenttimeline.core.incident.command.RecordImpactWindow;
import io.incidenttimeline.core.incident.command.RecordLifecycleTime;
import io.incidenttimeline.core.incident.command.RetractUpdate;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.EventJson;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Incident survives a snapshot round trip through the JSON snapshot format: it is built from a rich history,
 * written and read back with the event serializer, and the restored aggregate - loaded from that snapshot alone,
 * with none of the events behind it - keeps deciding commands as the original would.
 */
class IncidentSnapshotTest {

    private static final Instant NOW = Instant.parse("2024-07-12T10:00:00Z");
    private static final String AMENDED = "We are aware of recent changes that impacted Talk customers and caused call "
            + "recordings to be unavailable on several pods, and are reverting them. Next update in 30 minutes.";
    private static final String INTERNAL_NOTE = "Rollback finished on all pods; storage team confirms.";
    private static final TranslationAdded GERMAN = new TranslationAdded(INCIDENT_ID, "de", true, null, DE_TITLE,
            Map.of(UPDATE_1, DE_UPDATE_1), null, POST_MORTEM_AT, POST_MORTEM_AT);

    private static final Instant DETECTED_AT = Instant.parse("2024-07-05T13:20:00Z");

    private static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();

    private static Incident original;
    private static SerializedObject<byte[]> snapshot;

    private EmbeddedEventStore eventStore;
    private CommandGateway commands;

    /** Everything the aggregate remembers: updates (amended, retracted), window, post-mortem, items, translations. */
    private static List<Object> history() {
        Instant retractedAt = Instant.parse("2024-07-05T14:00:00Z");
        return List.of(declared(), update1Posted(),
                new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, null, UPDATE_2_AT, UPDATE_2_AT),
                new LifecycleTimeRecorded(INCIDENT_ID, "detected", DETECTED_AT, null, null, UPDATE_1_AT, UPDATE_1_AT),
                update2Posted(), resolvedByUpdate2(),
                new UpdateAmended(INCIDENT_ID, UPDATE_1, AMENDED, "Clearer wording", UPDATE_2_AT, UPDATE_2_AT),
                new UpdatePosted(INCIDENT_ID, "update-3", IncidentStatus.RESOLVED, INTERNAL_NOTE, Visibility.INTERNAL,
                        Map.of(), null, retractedAt, retractedAt),
                new UpdateRetracted(INCIDENT_ID, "update-3", "Meant for the ops channel", retractedAt, retractedAt),
                postMortemPublished(),
                new RemediationItemCompleted(INCIDENT_ID, "item-2", POST_MORTEM_AT, POST_MORTEM_AT),
                GERMAN);
    }

    private static final long LAST_SEQUENCE = history().size() - 1;

    @BeforeAll
    static void buildFromEventsAndSerialize() {
        EmbeddedEventStore store = newEventStore();
        try {
            long sequence = 0;
            for (Object event : history()) {
                store.publish(new GenericDomainEventMessage<>("Incident", INCIDENT_ID, sequence++, event));
            }
            EventSourcingRepository<Incident> repository = repository(store);
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                original = repository.load(INCIDENT_ID).invoke(Function.identity());
            } finally {
                unitOfWork.rollback();
            }
        } finally {
            store.shutDown();
        }
        snapshot = SERIALIZER.serialize(original, byte[].class);
    }

    @BeforeEach
    void startFromTheSnapshotAlone() {
        Incident restored = SERIALIZER.deserialize(snapshot);
        eventStore = newEventStore();
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Incident", INCIDENT_ID, LAST_SEQUENCE, restored));

        ParameterResolverFactory resolvers = resolvers();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Incident>builder()
                .aggregateType(Incident.class)
                .repository(repository(eventStore))
                .parameterResolverFactory(resolvers)
                .build()
                .subscribe(commandBus);
        commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void givenIncidentBuiltFromEvents_whenSnapshotSerializedAndDeserialized_thenRestoredStateEqualsTheOriginal() {
        Incident restored = SERIALIZER.deserialize(snapshot);

        assertThat(snapshot.getType().getName()).isEqualTo(Incident.class.getName());
        assertThat(snapshot.getType().getRevision()).isEqualTo("3");
        assertThat(restored).isNotSameAs(original)
                .usingRecursiveComparison()
                .isEqualTo(original);
    }

    @Test
    void givenIncidentBuiltFromEvents_whenSnapshotSerialized_thenJsonCarriesTheRememberedState() throws Exception {
        JsonNode json = EventJson.objectMapper().readTree(snapshot.getData());

        assertThat(json.path("incidentId").asText()).isEqualTo(INCIDENT_ID);
        assertThat(json.path("status").asText()).isEqualTo("resolved");
        assertThat(json.path("updates").path(UPDATE_1).path("message").asText()).isEqualTo(AMENDED);
        assertThat(json.path("updates").path("update-3").path("retracted").asBoolean()).isTrue();
        assertThat(json.path("updates").path(UPDATE_1).path("status").asText()).isEqualTo("identified");
        assertThat(json.path("postMortem").path("completed").get(0).asText()).isEqualTo("item-2");
        assertThat(json.path("translations").path("de").path("title").asText()).isEqualTo(DE_TITLE);
        assertThat(json.path("impactStartedAt").asText()).isEqualTo("2024-07-05T10:54:00Z");
        assertThat(json.path("lifecycle").path("detected").asText()).isEqualTo("2024-07-05T13:20:00Z");
        assertThat(json.path("lifecycle").path("resolved").asText()).isEqualTo("2024-07-05T13:52:00Z");
    }

    @Test
    void givenRestoredIncident_whenDeclaredAgain_thenRefused() {
        assertRejected(declaration().with(d -> d.occurredAt = UPDATE_1_AT).build(), "incident-already-declared");
    }

    @Test
    void givenRestoredIncident_whenAnUpdateIdIsReused_thenRefused() {
        assertRejected(update2().with(u -> u.updateId = UPDATE_1).build(), "update-id-taken");
    }

    @Test
    void givenRestoredIncident_whenAmendedUpdateAmendedToTheSameText_thenNothingHappensAndVersionIsKept() {
        Object version = commands.sendAndWait(new AmendUpdate(INCIDENT_ID, UPDATE_1, AMENDED, "Again", null, null));

        assertThat(version).isEqualTo(LAST_SEQUENCE);
        assertThat(newEvents()).isEmpty();
    }

    @Test
    void givenRestoredIncident_whenRetractedUpdateRetractedAgain_thenRefused() {
        assertRejected(new RetractUpdate(INCIDENT_ID, "update-3", "Again", null, null), "update-retracted");
    }

    @Test
    void givenRestoredIncident_whenNonResolvedUpdatePosted_thenReopenedAndVersionContinues() {
        Object version = commands.sendAndWait(update2().with(u -> {
            u.updateId = "update-4";
            u.status = IncidentStatus.MONITORING;
            u.message = "Some recordings are still being restored.";
            u.components = Map.of(COMPONENT_ID, ComponentStatus.DEGRADED_PERFORMANCE);
        }).build());

        assertThat(version).isEqualTo(LAST_SEQUENCE + 2);
        assertThat(newEvents()).containsExactly(
                new IncidentReopened(INCIDENT_ID, "update-4", NOW, NOW),
                new UpdatePosted(INCIDENT_ID, "update-4", IncidentStatus.MONITORING,
                        "Some recordings are still being restored.", Visibility.PUBLIC,
                        Map.of(COMPONENT_ID, ComponentStatus.DEGRADED_PERFORMANCE), null, NOW, NOW));
    }

    @Test
    void givenRestoredIncident_whenCommandClaimsToPrecedeTheIncident_thenRefused() {
        assertRejected(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, null, null, UPDATE_1_AT.minusSeconds(1),
                null), "occurred-before-incident");
    }

    @Test
    void givenRestoredIncident_whenTheSameImpactWindowAndImpactGiven_thenNothingHappens() {
        commands.sendAndWait(new RecordImpactWindow(INCIDENT_ID, IMPACT_STARTED_AT, IMPACT_ENDED_AT, null, null, null));
        commands.sendAndWait(new ChangeImpact(INCIDENT_ID, Impact.MAJOR,
                Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL), null, null));

        assertThat(newEvents()).isEmpty();
    }

    @Test
    void givenRestoredIncident_whenPostMortemRepublished_thenUnchangedContentIsRecognisedAndChangedIsRevision2() {
        commands.sendAndWait(ReferenceIncident.publishPostMortem(remediationDrafts()));
        Object version = commands.sendAndWait(new PublishPostMortem(INCIDENT_ID, SUMMARY, ROOT_CAUSE + " Revised.",
                RESOLUTION, remediationDrafts(), null, null));

        assertThat(version).isEqualTo(LAST_SEQUENCE + 1);
        assertThat(newEvents()).containsExactly(new PostMortemPublished(INCIDENT_ID, 2, SUMMARY,
                ROOT_CAUSE + " Revised.", RESOLUTION, remediationItems(), NOW, NOW));
    }

    @Test
    void givenRestoredIncident_whenRemediationItemsCompleted_thenOnlyTheOpenOneIsRecorded() {
        commands.sendAndWait(new CompleteRemediationItem(INCIDENT_ID, "item-2", null, null));
        commands.sendAndWait(new CompleteRemediationItem(INCIDENT_ID, "item-3", null, null));

        assertThat(newEvents()).containsExactly(new RemediationItemCompleted(INCIDENT_ID, "item-3", NOW, NOW));
    }

    @Test
    void givenRestoredIncident_whenTranslationRepeatedOrInTheAuthoritativeLocale_thenNothingHappensOrRefused() {
        commands.sendAndWait(new AddTranslation(INCIDENT_ID, "de", true, null, DE_TITLE, Map.of(UPDATE_1, DE_UPDATE_1),
                null, null, null));

        assertThat(newEvents()).isEmpty();
        assertRejected(new AddTranslation(INCIDENT_ID, "en", false, null, "Title", null, null, null, null),
                "translation-of-authoritative-locale");
    }

    @Test
    void givenRestoredIncident_whenLifecycleTimesRecorded_thenItsMomentsAndResolutionStillBoundThem() {
        commands.sendAndWait(new RecordLifecycleTime(INCIDENT_ID, "detected", DETECTED_AT, null, null, null));
        assertThat(newEvents()).as("the same time again").isEmpty();

        assertRejected(new RecordLifecycleTime(INCIDENT_ID, "mitigated", DETECTED_AT.minusSeconds(60), null, null,
                null), "lifecycle-before-detection");
        assertRejected(new RecordLifecycleTime(INCIDENT_ID, "mitigated", UPDATE_2_AT.plusSeconds(60), null, null,
                null), "lifecycle-after-resolution");
        assertRejected(new RecordLifecycleTime(INCIDENT_ID, "detected", DETECTED_AT.minusSeconds(60), null, null,
                null), "text-required");
    }

    private void assertRejected(Object command, String type) {
        CommandRejected rejection = catchThrowableOfType(CommandRejected.class, () -> commands.sendAndWait(command));
        assertThat(rejection).as("rejection of %s", command).isNotNull();
        assertThat(rejection.type()).isEqualTo(type);
        assertThat(newEvents()).isEmpty();
    }

    private List<Object> newEvents() {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(INCIDENT_ID, LAST_SEQUENCE + 1).asStream()
                .map(DomainEventMessage::getPayload)
                .forEach(payloads::add);
        return payloads;
    }

    private static EmbeddedEventStore newEventStore() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    private static EventSourcingRepository<Incident> repository(EmbeddedEventStore store) {
        return EventSourcingRepository.builder(Incident.class)
                .eventStore(store)
                .parameterResolverFactory(resolvers())
                .build();
    }

    private static ParameterResolverFactory resolvers() {
        return MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Incident.class),
                new SimpleResourceParameterResolverFactory(List.of(Clock.fixed(NOW, ZoneOffset.UTC), CATALOGUE,
                        ReferenceIncident.MOMENTS)));
    }
}
