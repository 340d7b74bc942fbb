package io.incidenttimeline.core.shared;

import static io.incidenttimeline.core.incident.ReferenceIncident.COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.CONFIGURATION;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_RESOLUTION;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_ROOT_CAUSE;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_SUMMARY;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_TITLE;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.IMPACT_ENDED_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.IMPACT_STARTED_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.MONITORING;
import static io.incidenttimeline.core.incident.ReferenceIncident.POST_MORTEM_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.RESOLUTION;
import static io.incidenttimeline.core.incident.ReferenceIncident.ROOT_CAUSE;
import static io.incidenttimeline.core.incident.ReferenceIncident.SUMMARY;
import static io.incidenttimeline.core.incident.ReferenceIncident.TESTING;
import static io.incidenttimeline.core.incident.ReferenceIncident.TITLE;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_MESSAGE;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_NEXT_DUE_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2_AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.incidenttimeline.core.accesstoken.AccessTokenIssued;
import io.incidenttimeline.core.template.TemplateChanged;
import io.incidenttimeline.core.template.TemplateContent;
import io.incidenttimeline.core.template.TemplateCreated;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.core.template.TemplateRetired;
import io.incidenttimeline.core.template.TemplateText;
import io.incidenttimeline.core.accesstoken.AccessTokenRevoked;
import io.incidenttimeline.core.accesstoken.TokenRole;
import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.component.ComponentRetired;
import io.incidenttimeline.core.incident.PostMortemSections;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.NextUpdateReminderRaised;
import io.incidenttimeline.core.incident.event.RoleAssigned;
import io.incidenttimeline.core.incident.event.RoleReleased;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItem;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.core.maintenance.event.MaintenanceCancelled;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored JSON of every event is a contract. Each event class has a hand-written sample in
 * {@code src/test/resources/golden/events/<SimpleName>.json}; this test reads it through the serializer the event
 * store uses and writes it back, but never rewrites a sample. A changed event shape fails here and needs a new
 * revision and an upcaster, not a new sample.
 */
class GoldenEventJsonTest {

    private static final String GOLDEN = "/golden/events/";
    private static final String MAINTENANCE_ID = "talk-recordings-storage-2024-07-20";
    private static final String EVENT_PACKAGE = "io.incidenttimeline.core.incident.event";
    /** Records in the event package that are parts of events, not events. */
    private static final Set<Class<?>> VALUE_TYPES = Set.of(RemediationItem.class);

    private static final ObjectMapper MAPPER = EventJson.objectMapper();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();

    /** What each golden sample must read as. */
    private static final Map<Class<?>, Object> EXPECTED = Map.ofEntries(
            Map.entry(IncidentDeclared.class, new IncidentDeclared(INCIDENT_ID, TITLE, "en", Impact.MAJOR,
                    Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of(), UPDATE_1_AT,
                    Instant.parse("2024-07-05T13:31:04.512Z"))),
            Map.entry(UpdatePosted.class, new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.IDENTIFIED,
                    UPDATE_1_MESSAGE, Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE),
                    UPDATE_1_NEXT_DUE_AT, UPDATE_1_AT, Instant.parse("2024-07-05T13:31:04.512Z"))),
            Map.entry(IncidentResolved.class, new IncidentResolved(INCIDENT_ID, UPDATE_2, UPDATE_2_AT,
                    Instant.parse("2024-07-05T13:52:02.108Z"))),
            Map.entry(IncidentReopened.class, new IncidentReopened(INCIDENT_ID, "update-3",
                    Instant.parse("2024-07-05T15:10:00Z"), Instant.parse("2024-07-05T15:10:01.250Z"))),
            Map.entry(ImpactWindowRecorded.class, new ImpactWindowRecorded(INCIDENT_ID, IMPACT_STARTED_AT,
                    IMPACT_ENDED_AT, "Start and end taken from the storage service's error logs",
                    Instant.parse("2024-07-05T16:20:00Z"), Instant.parse("2024-07-05T16:20:00.731Z"))),
            Map.entry(LifecycleTimeRecorded.class, new LifecycleTimeRecorded(INCIDENT_ID, "mitigated",
                    Instant.parse("2024-07-05T13:36:00Z"), Instant.parse("2024-07-05T13:40:00Z"),
                    "The rollback finished at 13:36 by the deploy log, not when the channel was told",
                    Instant.parse("2024-07-05T16:25:00Z"), Instant.parse("2024-07-05T16:25:00.412Z"))),
            Map.entry(RoleAssigned.class, new RoleAssigned(INCIDENT_ID, "communications", "Sam Okafor", "Dana Reyes",
                    "Shift change: Dana hands over to Sam", Instant.parse("2024-07-05T13:45:00Z"),
                    Instant.parse("2024-07-05T13:45:00.318Z"))),
            Map.entry(RoleReleased.class, new RoleReleased(INCIDENT_ID, "lead", "Dana Reyes",
                    "Incident resolved; the post-mortem is owned by the platform team",
                    Instant.parse("2024-07-05T14:10:00Z"), Instant.parse("2024-07-05T14:10:00.207Z"))),
            Map.entry(NextUpdateReminderRaised.class, new NextUpdateReminderRaised(INCIDENT_ID, UPDATE_1,
                    UPDATE_1_NEXT_DUE_AT, NextUpdateReminderRaised.DUE_SOON, "Sam Okafor",
                    Instant.parse("2024-07-05T13:56:00.041Z"), Instant.parse("2024-07-05T13:56:00.041Z"))),
            Map.entry(ImpactChanged.class, new ImpactChanged(INCIDENT_ID, Impact.MAJOR,
                    Map.of(COMPONENT_ID, ComponentStatus.OPERATIONAL), UPDATE_2_AT,
                    Instant.parse("2024-07-05T13:52:02.108Z"))),
            Map.entry(UpdateAmended.class, new UpdateAmended(INCIDENT_ID, UPDATE_1,
                    UPDATE_1_MESSAGE.replace("Next update in 30 minutes.", "Next update at 14:01 UTC."),
                    "State the promised time instead of a duration", Instant.parse("2024-07-05T13:35:00Z"),
                    Instant.parse("2024-07-05T13:35:00.040Z"))),
            Map.entry(UpdateRetracted.class, new UpdateRetracted(INCIDENT_ID, "update-3", "Posted to the wrong incident",
                    Instant.parse("2024-07-05T15:12:00Z"), Instant.parse("2024-07-05T15:12:00.900Z"))),
            Map.entry(PostMortemPublished.class, new PostMortemPublished(INCIDENT_ID, 1, SUMMARY, ROOT_CAUSE, RESOLUTION,
                    List.of(new RemediationItem("item-1", TESTING, null, null),
                            new RemediationItem("item-2", CONFIGURATION, "Talk platform team", LocalDate.of(2024, 8, 30)),
                            new RemediationItem("item-3", MONITORING, null, null)),
                    POST_MORTEM_AT, Instant.parse("2024-07-09T09:00:03.377Z"))),
            Map.entry(RemediationItemCompleted.class, new RemediationItemCompleted(INCIDENT_ID, "item-2",
                    Instant.parse("2024-08-28T14:00:00Z"), Instant.parse("2024-08-28T14:00:00.615Z"))),
            Map.entry(TranslationAdded.class, new TranslationAdded(INCIDENT_ID, "de", true, null, DE_TITLE,
                    Map.of(UPDATE_1, DE_UPDATE_1, UPDATE_2, DE_UPDATE_2),
                    new PostMortemSections(DE_SUMMARY, DE_ROOT_CAUSE, DE_RESOLUTION),
                    Instant.parse("2024-07-09T09:30:00Z"), Instant.parse("2024-07-09T09:30:01.002Z"))),
            Map.entry(ComponentDefined.class, new ComponentDefined(COMPONENT_ID, "Call recordings", "Talk", 3, null,
                    Instant.parse("2024-06-03T09:00:00Z"), Instant.parse("2024-06-03T09:00:00.318Z"))),
            Map.entry(ComponentRedefined.class, new ComponentRedefined(COMPONENT_ID, "Call recordings", "Talk", 3,
                    "Recording, storage and playback of calls made with Talk", Instant.parse("2024-07-10T08:15:00Z"),
                    Instant.parse("2024-07-10T08:15:00.204Z"))),
            Map.entry(ComponentRetired.class, new ComponentRetired(COMPONENT_ID,
                    "Call recordings moved into the Talk component", Instant.parse("2024-09-02T10:00:00Z"),
                    Instant.parse("2024-09-02T10:00:00.412Z"))),
            Map.entry(MaintenanceScheduled.class, new MaintenanceScheduled(MAINTENANCE_ID, "update-scheduled",
                    "Storage migration for Talk call recordings", "We are moving call recordings to new storage. During "
                    + "the window, recordings of new calls are kept and become available once the migration is "
                    + "complete.", List.of(COMPONENT_ID), Instant.parse("2024-07-20T22:00:00Z"),
                    Instant.parse("2024-07-21T00:00:00Z"), true, false, Instant.parse("2024-07-12T10:00:00.317Z"),
                    Instant.parse("2024-07-12T10:00:00.317Z"))),
            Map.entry(MaintenanceUpdatePosted.class, new MaintenanceUpdatePosted(MAINTENANCE_ID, "update-progress",
                    MaintenanceStatus.IN_PROGRESS, "Half of the recordings have been moved.",
                    Instant.parse("2024-07-20T23:00:04.920Z"), Instant.parse("2024-07-20T23:00:04.920Z"))),
            Map.entry(MaintenanceStarted.class, new MaintenanceStarted(MAINTENANCE_ID, "update-started",
                    "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
                    Instant.parse("2024-07-20T22:00:00.842Z"), Instant.parse("2024-07-20T22:00:00.842Z"))),
            Map.entry(MaintenanceCompleted.class, new MaintenanceCompleted(MAINTENANCE_ID, "update-completed",
                    "All recordings have been moved; new recordings are stored on the new storage.",
                    Instant.parse("2024-07-20T23:41:12.005Z"), Instant.parse("2024-07-20T23:41:12.005Z"))),
            Map.entry(MaintenanceCancelled.class, new MaintenanceCancelled(MAINTENANCE_ID, "update-cancelled",
                    "The migration is postponed; we will announce a new window.",
                    Instant.parse("2024-07-18T08:30:00.111Z"), Instant.parse("2024-07-18T08:30:00.111Z"))),
            Map.entry(AccessTokenIssued.class, new AccessTokenIssued("alice", TokenRole.RESPONDER,
                    Instant.parse("2024-07-05T09:12:00.418Z"), Instant.parse("2024-07-05T09:12:00.418Z"))),
            Map.entry(AccessTokenRevoked.class, new AccessTokenRevoked("alice", TokenRole.RESPONDER,
                    Instant.parse("2024-08-01T16:40:07.205Z"), Instant.parse("2024-08-01T16:40:07.205Z"))),
            Map.entry(TemplateCreated.class, new TemplateCreated("storage-degraded", TemplateKind.DECLARATION,
                    new TemplateContent("en", Map.of(
                            "en", new TemplateText("{component} degraded", "We are investigating problems with "
                                    + "{component}. Next update by {next_update}."),
                            "de", new TemplateText("{component} beeinträchtigt", "Wir untersuchen Probleme mit "
                                    + "{component}. Nächstes Update bis {next_update}.")),
                            Impact.MAJOR, IncidentStatus.INVESTIGATING, Visibility.PUBLIC,
                            Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), 30),
                    Instant.parse("2024-07-01T08:00:00.120Z"), Instant.parse("2024-07-01T08:00:00.120Z"))),
            Map.entry(TemplateChanged.class, new TemplateChanged("fix-monitoring", TemplateKind.UPDATE,
                    new TemplateContent("en", Map.of("en", new TemplateText(null, "A fix for {component} is deployed "
                            + "({change}); we are monitoring the results.")), null, IncidentStatus.MONITORING,
                            Visibility.PUBLIC, Map.of(), 60),
                    Instant.parse("2024-07-03T10:15:00.530Z"), Instant.parse("2024-07-03T10:15:00.530Z"))),
            Map.entry(TemplateRetired.class, new TemplateRetired("storage-degraded",
                    Instant.parse("2024-09-02T10:00:00.412Z"), Instant.parse("2024-09-02T10:00:00.412Z"))));

    /**
     * Every event of incident-core, found in the compiled classes rather than listed: all classes of the event
     * package except value types, the parameter of every {@code @EventSourcingHandler}, and every record that carries
     * a {@code @Revision}. A new event found by any of these needs a golden sample.
     */
    static Stream<Class<?>> eventClasses() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.incidenttimeline.core");
        Set<JavaClass> events = new java.util.HashSet<>();
        core.stream()
                .filter(c -> c.getPackageName().equals(EVENT_PACKAGE) && c.isTopLevelClass())
                .forEach(events::add);
        core.stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(EventSourcingHandler.class))
                .map(JavaMethod::getRawParameterTypes)
                .filter(types -> !types.isEmpty())
                .map(types -> types.get(0))
                .forEach(events::add);
        core.stream()
                .filter(JavaClass::isRecord)
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .forEach(events::add);
        return events.stream()
                .map(JavaClass::reflect)
                .filter(c -> !VALUE_TYPES.contains(c))
                .sorted(java.util.Comparator.comparing(Class::getName))
                .map(c -> (Class<?>) c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void givenGoldenSample_whenReadThroughTheEventSerializer_thenItIsTheExpectedEvent(Class<?> eventClass)
            throws IOException {
        byte[] golden = golden(eventClass);
        String revision = eventClass.getAnnotation(Revision.class).value();

        Object event = SERIALIZER.deserialize(
                new SimpleSerializedObject<>(golden, byte[].class, eventClass.getName(), revision));

        assertThat(event).isInstanceOf(eventClass);
        assertThat(EXPECTED).as("expected value for %s", eventClass.getSimpleName()).containsKey(eventClass);
        assertThat(event).isEqualTo(EXPECTED.get(eventClass));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void givenEventReadFromGoldenSample_whenWrittenAgain_thenJsonEqualsTheSample(Class<?> eventClass)
            throws IOException {
        byte[] golden = golden(eventClass);
        String revision = eventClass.getAnnotation(Revision.class).value();
        Object event = SERIALIZER.deserialize(
                new SimpleSerializedObject<>(golden, byte[].class, eventClass.getName(), revision));

        SerializedObject<byte[]> written = SERIALIZER.serialize(event, byte[].class);

        assertThat(written.getType().getName()).isEqualTo(eventClass.getName());
        assertThat(written.getType().getRevision()).isEqualTo(revision);
        JsonNode expected = MAPPER.readTree(golden);
        JsonNode actual = MAPPER.readTree(written.getData());
        assertThat(actual).as("%s as written", eventClass.getSimpleName()).isEqualTo(expected);
    }

    @Test
    void givenEventClassesOfTheCore_whenScanned_thenEachHasARevisionAGoldenSampleAndIsARecord() {
        List<Class<?>> events = eventClasses().toList();

        assertThat(events).as("event classes found by the scan")
                .contains(IncidentDeclared.class, UpdatePosted.class, ComponentDefined.class, ComponentRedefined.class,
                        MaintenanceScheduled.class, MaintenanceStarted.class, MaintenanceCompleted.class,
                        MaintenanceCancelled.class, MaintenanceUpdatePosted.class, AccessTokenIssued.class,
                        AccessTokenRevoked.class)
                .doesNotContainAnyElementsOf(VALUE_TYPES);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getAnnotation(Revision.class)).as("@Revision on %s", event.getName()).isNotNull();
            assertThat(event.isRecord()).as("%s is a record", event.getName()).isTrue();
            assertThat(GoldenEventJsonTest.class.getResource(GOLDEN + event.getSimpleName() + ".json"))
                    .as("golden sample for %s", event.getName()).isNotNull();
        });
    }

    @Test
    void givenGoldenSamples_whenListed_thenEachBelongsToAnEventClass() throws IOException, URISyntaxException {
        Set<String> eventNames = eventClasses().map(Class::getSimpleName).collect(Collectors.toSet());
        Path directory = Path.of(GoldenEventJsonTest.class.getResource(GOLDEN).toURI());
        Set<String> sampleNames;
        try (Stream<Path> files = Files.list(directory)) {
            sampleNames = files.map(file -> file.getFileName().toString())
                    .map(name -> name.replaceFirst("\\.json$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(sampleNames).containsExactlyInAnyOrderElementsOf(eventNames);
    }

    private static byte[] golden(Class<?> eventClass) throws IOException {
        try (InputStream in = GoldenEventJsonTest.class.getResourceAsStream(GOLDEN + eventClass.getSimpleName() + ".json")) {
            assertThat(in).as("golden sample for %s", eventClass.getName()).isNotNull();
            return in.readAllBytes();
        }
    }
}
