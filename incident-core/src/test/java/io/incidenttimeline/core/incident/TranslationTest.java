package io.incidenttimeline.core.incident;

import static io.incidenttimeline.core.incident.ReferenceIncident.DE_ROOT_CAUSE;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_TITLE;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.DE_UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.INCIDENT_ID;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_1;
import static io.incidenttimeline.core.incident.ReferenceIncident.UPDATE_2;
import static io.incidenttimeline.core.incident.ReferenceIncident.postMortemPublished;
import static io.incidenttimeline.core.incident.ReferenceIncident.resolvedHistory;
import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.notFound;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.incident.command.AddTranslation;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Translations of the public texts into locales other than the authoritative English. */
class TranslationTest {

    private static final Instant NOW = Instant.parse("2024-07-10T08:00:00Z");
    private static final String ENGINE = "machine-translation-v3";
    private static final PostMortemSections DE_POST_MORTEM = new PostMortemSections(null, DE_ROOT_CAUSE, null);
    private static final Map<String, String> DE_UPDATES = Map.of(UPDATE_1, DE_UPDATE_1, UPDATE_2, DE_UPDATE_2);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferenceIncident.fixtureAt(NOW);
    }

    private static List<Object> historyWithPostMortem() {
        List<Object> history = new java.util.ArrayList<>(resolvedHistory());
        history.add(postMortemPublished());
        return history;
    }

    private static AddTranslation german(Boolean machineTranslated, String title, Map<String, String> updates,
                                         PostMortemSections postMortem) {
        return new AddTranslation(INCIDENT_ID, "de", machineTranslated, ENGINE, title, updates, postMortem, null, null);
    }

    private static TranslationAdded germanAdded(boolean machineTranslated, String title, Map<String, String> updates,
                                                PostMortemSections postMortem) {
        return new TranslationAdded(INCIDENT_ID, "de", machineTranslated, ENGINE, title, updates, postMortem, NOW, NOW);
    }

    @Test
    void givenIncidentWithPostMortem_whenGermanMachineTranslationAdded_thenTranslationAdded() {
        fixture.given(historyWithPostMortem())
                .when(german(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .expectEvents(germanAdded(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenIncident_whenHumanTranslationOfTheTitleAdded_thenTranslationAddedAsHuman() {
        fixture.given(resolvedHistory())
                .when(new AddTranslation(INCIDENT_ID, "de", false, null, DE_TITLE, null, null, null, null))
                .expectEvents(new TranslationAdded(INCIDENT_ID, "de", false, null, DE_TITLE, Map.of(), null, NOW, NOW));
    }

    @Test
    void givenIncident_whenTranslationLocaleGivenInOtherCase_thenLocaleNormalised() {
        fixture.given(resolvedHistory())
                .when(new AddTranslation(INCIDENT_ID, "de-ch", true, ENGINE, DE_TITLE, null, null, null, null))
                .expectEvents(new TranslationAdded(INCIDENT_ID, "de-CH", true, ENGINE, DE_TITLE, Map.of(), null, NOW,
                        NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN"})
    void givenEnglishIncident_whenTranslatedIntoEnglish_thenRefused(String locale) {
        fixture.given(resolvedHistory())
                .when(new AddTranslation(INCIDENT_ID, locale, false, null, "Call recordings unavailable", null, null,
                        null, null))
                .expectException(invalidInput("translation-of-authoritative-locale", "locale"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deutsch", "xx-123456789", "de_DE"})
    void givenIncident_whenTranslationLocaleIsNoLanguageTag_thenRefused(String locale) {
        fixture.given(resolvedHistory())
                .when(new AddTranslation(INCIDENT_ID, locale, true, ENGINE, DE_TITLE, null, null, null, null))
                .expectException(invalidInput("invalid-locale", "locale"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenTranslationWithoutLocale_thenRefused() {
        fixture.given(resolvedHistory())
                .when(new AddTranslation(INCIDENT_ID, null, true, ENGINE, DE_TITLE, null, null, null, null))
                .expectException(invalidInput("locale-required", "locale"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenTranslationDoesNotSayWhetherMachineTranslated_thenRefused() {
        fixture.given(resolvedHistory())
                .when(german(null, DE_TITLE, null, null))
                .expectException(invalidInput("value-required", "machineTranslated"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenTranslationTargetsUnknownUpdate_thenNotFound() {
        fixture.given(resolvedHistory())
                .when(german(true, null, Map.of("update-9", DE_UPDATE_1), null))
                .expectException(notFound("update-not-found", "updates.update-9"))
                .expectNoEvents();
    }

    @Test
    void givenRetractedUpdate_whenTranslationTargetsIt_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(new UpdateRetracted(INCIDENT_ID, UPDATE_2, "Posted too early", NOW, NOW))
                .when(german(true, null, Map.of(UPDATE_2, DE_UPDATE_2), null))
                .expectException(ruleViolation("update-retracted", "updates." + UPDATE_2))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenTranslatedUpdateTextIsBlank_thenRefused() {
        fixture.given(resolvedHistory())
                .when(german(true, null, Map.of(UPDATE_1, " "), null))
                .expectException(invalidInput("text-required", "updates." + UPDATE_1))
                .expectNoEvents();
    }

    @Test
    void givenIncidentWithoutPostMortem_whenPostMortemTranslated_thenRefused() {
        fixture.given(resolvedHistory())
                .when(german(true, null, null, DE_POST_MORTEM))
                .expectException(ruleViolation("post-mortem-not-published", "postMortem"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenTranslationCarriesNoText_thenRefused() {
        fixture.given(historyWithPostMortem())
                .when(german(true, null, Map.of(), new PostMortemSections(null, null, null)))
                .expectException(invalidInput("translation-empty", "title"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenTranslatedTitleIsBlank_thenRefused() {
        fixture.given(resolvedHistory())
                .when(german(true, "  ", DE_UPDATES, null))
                .expectException(invalidInput("text-required", "title"))
                .expectNoEvents();
    }

    @Test
    void givenIncident_whenTranslatedTitleIsLongerThan200Characters_thenRefused() {
        fixture.given(resolvedHistory())
                .when(german(true, "T".repeat(201), null, null))
                .expectException(invalidInput("text-too-long", "title"))
                .expectNoEvents();
    }

    @Test
    void givenGermanTranslation_whenTheIdenticalTranslationAddedAgain_thenNothingHappens() {
        fixture.given(historyWithPostMortem())
                .andGiven(germanAdded(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .when(german(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(5L);
    }

    @Test
    void givenGermanTranslation_whenPartOfItAddedAgain_thenNothingHappens() {
        fixture.given(historyWithPostMortem())
                .andGiven(germanAdded(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .when(german(true, null, Map.of(UPDATE_2, DE_UPDATE_2), null))
                .expectNoEvents();
    }

    @Test
    void givenGermanTranslationOfTheTitle_whenUpdatesTranslatedToo_thenTranslationAdded() {
        fixture.given(historyWithPostMortem())
                .andGiven(germanAdded(true, DE_TITLE, Map.of(), null))
                .when(german(true, null, DE_UPDATES, null))
                .expectEvents(germanAdded(true, null, DE_UPDATES, null));
    }

    @Test
    void givenGermanTranslation_whenAPostMortemSectionIsRetranslated_thenTranslationAdded() {
        PostMortemSections corrected = new PostMortemSections(null, DE_ROOT_CAUSE + " (korrigiert)", null);
        fixture.given(historyWithPostMortem())
                .andGiven(germanAdded(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .when(german(true, null, null, corrected))
                .expectEvents(germanAdded(true, null, Map.of(), corrected));
    }

    @Test
    void givenMachineTranslation_whenTheSameTextsAreConfirmedByAHuman_thenTranslationAdded() {
        fixture.given(historyWithPostMortem())
                .andGiven(germanAdded(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .when(german(false, DE_TITLE, null, null))
                .expectEvents(germanAdded(false, DE_TITLE, Map.of(), null));
    }

    @Test
    void givenGermanTranslation_whenTheSameTextsAddedForSwissGerman_thenTranslationAdded() {
        fixture.given(historyWithPostMortem())
                .andGiven(germanAdded(true, DE_TITLE, DE_UPDATES, DE_POST_MORTEM))
                .when(new AddTranslation(INCIDENT_ID, "de-CH", true, ENGINE, DE_TITLE, null, null, null, null))
                .expectEvents(new TranslationAdded(INCIDENT_ID, "de-CH", true, ENGINE, DE_TITLE, Map.of(), null, NOW,
                        NOW));
    }

    @Test
    void givenInternalUpdate_whenTranslationTargetsIt_thenRefused() {
        fixture.given(resolvedHistory())
                .andGiven(new io.incidenttimeline.core.incident.event.UpdatePosted(INCIDENT_ID, "update-internal",
                        io.incidenttimeline.core.shared.IncidentStatus.RESOLVED, "Root cause: the storage bucket rename",
                        io.incidenttimeline.core.shared.Visibility.INTERNAL, Map.of(), null, NOW, NOW))
                .when(german(true, null, Map.of("update-internal", "Ursache: die Umbenennung"), null))
                .expectException(ruleViolation("translation-of-internal-update", "updates.update-internal"))
                .expectNoEvents();
    }
}
