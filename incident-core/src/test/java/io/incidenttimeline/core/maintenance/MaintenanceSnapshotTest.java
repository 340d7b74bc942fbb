package io.incidenttimeline.core.maintenance;

import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.CATALOGUE;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.MAINTENANCE_ID;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.WINDOW_START;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.scheduled;
import static io.incidenttimeline.core.maintenance.ReferenceMaintenance.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.core.maintenance.command.CancelMaintenance;
import io.incidenttimeline.core.maintenance.command.CompleteMaintenance;
import io.incidenttimeline.core.maintenance.command.PostMaintenanceUpdate;
import io.incidenttimeline.core.maintenance.command.StartMaintenance;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.EventJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A maintenance under way survives a snapshot round trip through the JSON snapshot format, and the aggregate restored
 * from the snapshot alone decides commands as the original would.
 */
class MaintenanceSnapshotTest {

    private static final Instant NOW = WINDOW_START.plusSeconds(900);
    private static final String STREAM = MaintenanceIds.aggregateId(MAINTENANCE_ID);
    private static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    private static final List<Object> HISTORY = List.of(scheduled(), started(),
            new MaintenanceUpdatePosted(MAINTENANCE_ID, "update-progress", MaintenanceStatus.IN_PROGRESS,
                    "Half of the recordings have been moved.", NOW, NOW));
    private static final long LAST_SEQUENCE = HISTORY.size() - 1;

    private Maintenance original;
    private SerializedObject<byte[]> snapshot;
    private EmbeddedEventStore eventStore;
    private CommandGateway commands;

    @BeforeEach
    void buildSnapshotAndStartFromItAlone() {
        EmbeddedEventStore history = newEventStore();
        long sequence = 0;
        for (Object event : HISTORY) {
            history.publish(new GenericDomainEventMessage<>("Maintenance", STREAM, sequence++, event));
        }
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            original = repository(history).load(STREAM).invoke(Function.identity());
        } finally {
            unitOfWork.rollback();
            history.shutDown();
        }
        snapshot = SERIALIZER.serialize(original, byte[].class);

        eventStore = newEventStore();
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Maintenance", STREAM, LAST_SEQUENCE,
                SERIALIZER.deserialize(snapshot)));
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Maintenance>builder().aggregateType(Maintenance.class)
                .repository(repository(eventStore)).parameterResolverFactory(resolvers()).build().subscribe(commandBus);
        commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void givenMaintenanceBuiltFromEvents_whenSnapshotRoundTrips_thenTheStateIsEqualAndTheJsonCarriesIt() throws Exception {
        Maintenance restored = SERIALIZER.deserialize(snapshot);
        JsonNode json = EventJson.objectMapper().readTree(snapshot.getData());

        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
        assertThat(restored).isNotSameAs(original).usingRecursiveComparison().isEqualTo(original);
        assertThat(json.path("aggregateId").asText()).isEqualTo(STREAM);
        assertThat(json.path("status").asText()).isEqualTo("in_progress");
        assertThat(json.path("updateIds")).hasSize(3);
    }

    @Test
    void givenRestoredMaintenance_whenStartedAgainAndCancelled_thenNothingHappensAndCancelIsRefused() {
        Object version = commands.sendAndWait(new StartMaintenance(MAINTENANCE_ID, "update-again", null, null));
        assertThat(version).isEqualTo(LAST_SEQUENCE);
        CommandRejected refusal = catchThrowableOfType(CommandRejected.class,
                () -> commands.sendAndWait(new CancelMaintenance(MAINTENANCE_ID, "update-cancelled", null, null)));

        assertThat(refusal.type()).isEqualTo("maintenance-already-started");
        assertThat(newEvents()).isEmpty();
    }

    @Test
    void givenRestoredMaintenance_whenAnUpdateIdIsReused_thenRefused() {
        CommandRejected refusal = catchThrowableOfType(CommandRejected.class, () -> commands.sendAndWait(
                new PostMaintenanceUpdate(MAINTENANCE_ID, "update-progress", "Again.", null)));

        assertThat(refusal.type()).isEqualTo("update-id-taken");
    }

    @Test
    void givenRestoredMaintenance_whenCompleted_thenCompletedAndTheVersionContinues() {
        Object version = commands.sendAndWait(new CompleteMaintenance(MAINTENANCE_ID, "update-completed", null, null));

        assertThat(version).isEqualTo(LAST_SEQUENCE + 1);
        assertThat(newEvents()).containsExactly(new MaintenanceCompleted(MAINTENANCE_ID, "update-completed",
                Maintenance.COMPLETED_MESSAGE, NOW, NOW));
    }

    private List<Object> newEvents() {
        return eventStore.readEvents(STREAM, LAST_SEQUENCE + 1).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private static EmbeddedEventStore newEventStore() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    private static EventSourcingRepository<Maintenance> repository(EmbeddedEventStore store) {
        return EventSourcingRepository.builder(Maintenance.class).eventStore(store)
                .parameterResolverFactory(resolvers()).build();
    }

    private static ParameterResolverFactory resolvers() {
        return MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Maintenance.class),
                new SimpleResourceParameterResolverFactory(List.of(Clock.fixed(NOW, ZoneOffset.UTC), CATALOGUE,
                        new StubDeadlineManager())));
    }
}
