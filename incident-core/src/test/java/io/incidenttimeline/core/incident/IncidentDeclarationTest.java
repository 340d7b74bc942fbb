package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.COMPONENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.TITLE;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_AT;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1_MESSAGE;
import static io.incidenttimeline.core.incident.ReferenceIncident.declaration;
import static io.incidenttimeline.core.incident.ReferenceIncident.declared;
import static io.incidenttimeline.core.incident.ReferenceIncident.update1Posted;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentDeclarationTest {

    /** The clock reads 13:31, when the reference incident was declared. */
    private static final Instant NOW = UPDATE_1_AT;

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    @Test
    void givenNoPriorActivity_whenReferenceIncidentDeclared_thenIncidentDeclaredAndFirstUpdatePosted() {
        fixture.givenNoPriorActivity()
                .when(declaration().build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(declared(), update1Posted())
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenDeclaredIncident_whenDeclaredAgain_thenRefused() {
        fixture.given(declared(), update1Posted())
                .when(declaration().build())
                .expectException(ruleViolation("incident-already-declared", "id"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredResolved_thenIncidentDeclaredUpdatePostedAndIncidentResolved() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> {
                    d.status = IncidentStatus.RESOLVED;
                    d.nextUpdateInMinutes = null;
                }).build())
                .expectEvents(declared(),
                        new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.RESOLVED, UPDATE_1_MESSAGE,
                                Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), null,
                                NOW, NOW),
                        new IncidentResolved(INCIDENT_ID, UPDATE_1, NOW, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenNoPriorActivity_whenDeclaredResolvedWithNextUpdatePromise_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.status = IncidentStatus.RESOLVED).build())
                .expectException(invalidInput("next-update-after-resolution", "nextUpdateInMinutes"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"talk call recordings", "-leading-dash", "talk:call"})
    void givenNoPriorActivity_whenDeclaredWithMalformedId_thenRefused(String id) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.incidentId = id).build())
                .expectException(invalidInput("invalid-id", "id"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithMalformedInitialUpdateId_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.initialUpdateId = "update 1").build())
                .expectException(invalidInput("invalid-id", "updateId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithOneCharacterTitleAndMessage_thenDeclared() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> {
                    d.title = "T";
                    d.message = "M";
                }).build())
                .expectEvents(declaredWith("T", "en"), update1PostedWith("M"));
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithTitleOf200Characters_thenDeclared() {
        String title = "x".repeat(200);
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = title).build())
                .expectEvents(declaredWith(title, "en"), update1Posted());
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithTitleOf201Characters_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = "x".repeat(201)).build())
                .expectException(invalidInput("text-too-long", "title"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithTitleOf200CodePointsOutsideTheBasicPlane_thenDeclared() {
        String title = "\uD83D\uDCDE".repeat(200); // 200 telephone receivers, 400 UTF-16 chars
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = title).build())
                .expectEvents(declaredWith(title, "en"), update1Posted());
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithTitleOf201CodePointsOutsideTheBasicPlane_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = "\uD83D\uDCDE".repeat(201)).build())
                .expectException(invalidInput("text-too-long", "title"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void givenNoPriorActivity_whenDeclaredWithBlankTitle_thenRefused(String title) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = title).build())
                .expectException(invalidInput("text-required", "title"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithoutTitle_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = null).build())
                .expectException(invalidInput("text-required", "title"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call\u0000recordings", "Call recordings\u0007", "Call\u001Brecordings", "Call\u0085recordings"})
    void givenNoPriorActivity_whenDeclaredWithControlCharacterInTitle_thenRefused(String title) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = title).build())
                .expectException(invalidInput("text-control-characters", "title"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithControlCharacterInMessage_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.message = "Recordings\u0000 unavailable").build())
                .expectException(invalidInput("text-control-characters", "message"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithTabsAndLineBreaksInMessage_thenDeclared() {
        String message = "Call recordings unavailable.\r\n\tAffected: several pods.\nNext update in 30 minutes.";
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.message = message).build())
                .expectEvents(declared(), update1PostedWith(message));
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithMessageOf10000Characters_thenDeclared() {
        String message = "y".repeat(10_000);
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.message = message).build())
                .expectEvents(declared(), update1PostedWith(message));
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithMessageOf10001Characters_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.message = "y".repeat(10_001)).build())
                .expectException(invalidInput("text-too-long", "message"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithBlankMessage_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.message = "   ").build())
                .expectException(invalidInput("text-required", "message"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @CsvSource({"de-ch, de-CH", "DE, de", "pt-br, pt-BR", "zh-hant-tw, zh-Hant-TW", "es-419, es-419", "en, en"})
    void givenNoPriorActivity_whenDeclaredWithLanguageTag_thenLocaleNormalised(String given, String normalised) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.locale = given).build())
                .expectEvents(declaredWith(TITLE, normalised), update1Posted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx-123456789", "english", "xx", "de-XX", "de_CH", "en-"})
    void givenNoPriorActivity_whenDeclaredWithInvalidLanguageTag_thenRefused(String locale) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.locale = locale).build())
                .expectException(invalidInput("invalid-locale", "locale"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithoutLocale_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.locale = null).build())
                .expectException(invalidInput("locale-required", "locale"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithoutImpact_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.impact = null).build())
                .expectException(invalidInput("value-required", "impact"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithoutStatus_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.status = null).build())
                .expectException(invalidInput("value-required", "status"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithoutVisibility_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.visibility = null).build())
                .expectException(invalidInput("value-required", "visibility"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithInternalFirstUpdate_thenFirstUpdateIsInternal() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.visibility = Visibility.INTERNAL).build())
                .expectEvents(declared(),
                        new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.IDENTIFIED, UPDATE_1_MESSAGE,
                                Visibility.INTERNAL, Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE),
                                Instant.parse("2024-07-05T14:01:00Z"), NOW, NOW));
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithUnknownComponent_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.components = Map.of("talk-transcripts", ComponentStatus.MAJOR_OUTAGE))
                        .build())
                .expectException(invalidInput("unknown-component", "components"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithComponentWithoutStatus_thenRefused() {
        Map<String, ComponentStatus> components = new java.util.HashMap<>();
        components.put(COMPONENT_ID, null);
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.components = components).build())
                .expectException(invalidInput("value-required", "components." + COMPONENT_ID))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithRegions_thenRegionsRecorded() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.regions = List.of("pod-13", "pod-17")).build())
                .expectEvents(new IncidentDeclared(INCIDENT_ID, TITLE, "en", Impact.MAJOR,
                                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of("pod-13", "pod-17"),
                                NOW, NOW),
                        update1Posted());
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithBlankRegion_thenRefusedNamingTheElement() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.regions = List.of("pod-13", " ")).build())
                .expectException(invalidInput("text-required", "regions[1]"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithoutOccurredAt_thenItOccurredAtTheClocksTime() {
        Instant later = Instant.parse("2024-07-05T13:40:00Z");
        ReferenceIncident.fixtureAt(later)
                .givenNoPriorActivity()
                .when(declaration().with(d -> d.occurredAt = null).build())
                .expectEvents(new IncidentDeclared(INCIDENT_ID, TITLE, "en", Impact.MAJOR,
                                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of(), later, later),
                        new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.IDENTIFIED, UPDATE_1_MESSAGE,
                                Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE),
                                Instant.parse("2024-07-05T14:10:00Z"), later, later));
    }

    @Test
    void givenNoPriorActivity_whenDeclaredAsHavingOccurredEarlier_thenBackdatedButRecordedNow() {
        Instant earlier = Instant.parse("2024-07-05T11:00:00Z");
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.occurredAt = earlier).build())
                .expectEvents(new IncidentDeclared(INCIDENT_ID, TITLE, "en", Impact.MAJOR,
                                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of(), earlier, NOW),
                        new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.IDENTIFIED, UPDATE_1_MESSAGE,
                                Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE),
                                Instant.parse("2024-07-05T11:30:00Z"), earlier, NOW));
    }

    @Test
    void givenNoPriorActivity_whenDeclaredAsOccurring59SecondsAhead_thenAcceptedAsClockSkew() {
        Instant ahead = NOW.plusSeconds(59);
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.occurredAt = ahead).build())
                .expectEvents(new IncidentDeclared(INCIDENT_ID, TITLE, "en", Impact.MAJOR,
                                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of(), ahead, NOW),
                        new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.IDENTIFIED, UPDATE_1_MESSAGE,
                                Visibility.PUBLIC, Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE),
                                ahead.plusSeconds(30 * 60), ahead, NOW));
    }

    @Test
    void givenNoPriorActivity_whenDeclaredAsOccurringTwoMinutesAhead_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.occurredAt = NOW.plusSeconds(120)).build())
                .expectException(invalidInput("time-in-future", "occurredAt"))
                .expectNoEvents();
    }

    private static IncidentDeclared declaredWith(String title, String locale) {
        return new IncidentDeclared(INCIDENT_ID, title, locale, Impact.MAJOR,
                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), List.of(), NOW, NOW);
    }

    private static UpdatePosted update1PostedWith(String message) {
        return new UpdatePosted(INCIDENT_ID, UPDATE_1, IncidentStatus.IDENTIFIED, message, Visibility.PUBLIC,
                Map.of(COMPONENT_ID, ComponentStatus.PARTIAL_OUTAGE), Instant.parse("2024-07-05T14:01:00Z"), NOW, NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RT-X", "Talk-call-recordings", "talk-call-recordings.", "talk-call-recordings-", "x_"})
    void givenNoPriorActivity_whenDeclaredWithIdInUpperCaseOrEndingInASeparator_thenRefused(String id) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.incidentId = id).build())
                .expectException(invalidInput("invalid-id", "id"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithANullRegion_thenRefusedNamingTheElement() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.regions = java.util.Arrays.asList("eu-1", null)).build())
                .expectException(invalidInput("text-required", "regions[1]"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithANullComponentStatus_thenRefusedNamingTheComponent() {
        Map<String, ComponentStatus> components = new java.util.HashMap<>();
        components.put(COMPONENT_ID, null);
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.components = components).build())
                .expectException(invalidInput("value-required", "components." + COMPONENT_ID))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "1999-12-31T23:59:59Z"})
    void givenNoPriorActivity_whenDeclaredAsOccurredBefore2000_thenRefused(String occurredAt) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.occurredAt = Instant.parse(occurredAt)).build())
                .expectException(invalidInput("time-out-of-range", "occurredAt"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call \uD800recordings", "Call recordings\uDC00", "\uDC00\uD83D"})
    void givenNoPriorActivity_whenDeclaredWithAnUnpairedSurrogateInTheTitle_thenRefused(String title) {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = title).build())
                .expectException(invalidInput("text-unpaired-surrogate", "title"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenDeclaredWithAPairedSurrogateInTheTitle_thenDeclared() {
        fixture.givenNoPriorActivity()
                .when(declaration().with(d -> d.title = "Call recordings \uD83D\uDCDE unavailable").build())
                .expectSuccessfulHandlerExecution();
    }
}
