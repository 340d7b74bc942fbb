package io.incidenttimeline.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit trail writes the payload JSON the event store holds instead of reading the event record and writing it
 * again: for every golden event sample of incident-core, stored as the event store stores it, the row's payload text,
 * times and metadata are exactly what the record's way gives, and neither payload nor metadata was deserialized.
 */
class StoredJsonTest {

    private static final Path GOLDEN = Path.of("..", "incident-core", "src", "test", "resources", "golden", "events");
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventJson.objectMapper()).build();
    private static final MetaData METADATA = MetaData.with("actor", "Dana Reyes").and("role", "responder")
            .and("channel", "api").and("correlationId", "corr-7").and("idempotencyKey", "key-ü\"\\1")
            .and("traceId", "not kept");
    private static final Instant TIMESTAMP = Instant.parse("2026-12-08T03:00:00.123456789Z");

    static Stream<Path> goldenSamples() throws IOException {
        assertThat(GOLDEN).as("incident-core's golden event samples").isDirectory();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<Path> samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(samples).hasSizeGreaterThan(20);
            return samples.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSamples")
    void givenAGoldenSampleAsStored_whenReadFromTheStore_thenEverythingEqualsWhatTheRecordGives(Path sample)
            throws Exception {
        Class<?> type = eventClass(sample);
        String revision = type.getAnnotation(Revision.class).value();
        Object event = SERIALIZER.deserialize(
                new SimpleSerializedObject<>(Files.readAllBytes(sample), byte[].class, type.getName(), revision));
        SerializedObject<byte[]> storedPayload = SERIALIZER.serialize(event, byte[].class);
        SerializedObject<byte[]> storedMetadata = SERIALIZER.serialize(METADATA, byte[].class);

        SerializedMessage<?> fromStore = new SerializedMessage<>("event-1", storedPayload, storedMetadata, SERIALIZER);
        StoredJson.Content stored = StoredJson.fromStore(tracked(fromStore), SERIALIZER);
        StoredJson.Content record = StoredJson.fromRecord(
                tracked(new SerializedMessage<>("event-1", storedPayload, storedMetadata, SERIALIZER)), SERIALIZER);

        assertThat(stored.payload()).isEqualTo(record.payload());
        assertThat(stored.occurredAt()).isEqualTo(record.occurredAt()).isNotNull();
        assertThat(stored.recordedAt()).isEqualTo(record.recordedAt()).isNotEqualTo(TIMESTAMP);
        assertThat(stored.metadata()).containsExactly(record.metadata())
                .containsExactly("Dana Reyes", "responder", "api", "corr-7", "key-ü\"\\1");
        assertThat(fromStore.isPayloadDeserialized()).as("payload deserialized").isFalse();
        assertThat(fromStore.isMetaDataDeserialized()).as("metadata deserialized").isFalse();
    }

    @Test
    void anEventNotReadFromTheStoreIsWrittenByTheSameSerializer() throws Exception {
        UpdatePosted event = goldenEvent(UpdatePosted.class);
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Incident", event.incidentId(), 3, event,
                METADATA, "event-2", TIMESTAMP);

        StoredJson.Content stored = StoredJson.fromStore(message, SERIALIZER);

        assertThat(stored).usingRecursiveComparison().isEqualTo(StoredJson.fromRecord(message, SERIALIZER));
        assertThat(stored.payload()).isEqualTo(EventJson.objectMapper().writeValueAsString(event));
    }

    @Test
    void aPayloadThatIsNoDomainEventHasNoOccurrenceAndTheMessageTimeAsItsRecordingTime() throws Exception {
        Map<String, String> notAnEvent = Map.of("occurredAt", "2024-01-01T00:00:00Z");
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Other", "x", 0, notAnEvent, METADATA,
                "event-3", TIMESTAMP);

        StoredJson.Content stored = StoredJson.fromStore(message, SERIALIZER);

        assertThat(stored.occurredAt()).isNull();
        assertThat(stored.recordedAt()).isEqualTo(TIMESTAMP);
        assertThat(stored).usingRecursiveComparison().isEqualTo(StoredJson.fromRecord(message, SERIALIZER));
    }

    @Test
    void metadataThatIsNotTextIsTakenAsTheRecordTakesIt() throws Exception {
        UpdatePosted event = goldenEvent(UpdatePosted.class);
        MetaData odd = MetaData.with("actor", 42).and("role", null).and("channel", List.of("a", "b"));
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Incident", event.incidentId(), 3, event, odd,
                "event-4", TIMESTAMP);

        StoredJson.Content stored = StoredJson.fromStore(message, SERIALIZER);

        assertThat(stored.metadata()).containsExactly("42", null, "[a, b]", null, null);
        assertThat(stored.metadata()).containsExactly(StoredJson.fromRecord(message, SERIALIZER).metadata());
    }

    private static DomainEventMessage<?> tracked(SerializedMessage<?> message) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(7), "Incident", "aggregate-1", 0,
                message, () -> TIMESTAMP);
    }

    private static <T> T goldenEvent(Class<T> type) throws IOException {
        byte[] golden = Files.readAllBytes(GOLDEN.resolve(type.getSimpleName() + ".json"));
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(golden, byte[].class, type.getName(),
                type.getAnnotation(Revision.class).value()));
    }

    private static final Map<String, Class<?>> EVENT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.incidenttimeline.core").stream()
            .filter(JavaClass::isRecord).filter(c -> c.isAnnotatedWith(Revision.class))
            .collect(Collectors.toMap(JavaClass::getSimpleName, JavaClass::reflect));

    private static Class<?> eventClass(Path sample) {
        String name = sample.getFileName().toString().replaceFirst("\\.json$", "");
        assertThat(EVENT_CLASSES).as("event class of %s", sample).containsKey(name);
        return EVENT_CLASSES.get(name);
    }
}
