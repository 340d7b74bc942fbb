package io.incidenttimeline.core.template;

import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.notFound;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates under one name: created, changed, retired, created again; and every rule on their content. */
class TemplateTest {

    private static final Instant NOW = Instant.parse("2024-07-05T13:30:00Z");
    private static final Instant EARLIER = Instant.parse("2024-07-01T08:00:00Z");
    private static final String NAME = "storage-degraded";
    private static final TemplateContent DECLARATION = new TemplateContent("en", Map.of(
            "en", new TemplateText("{component} degraded", "We are investigating problems with {component}. "
                    + "Next update by {next_update}."),
            "de", new TemplateText("{component} beeinträchtigt", "Wir untersuchen Probleme mit {component}.")),
            Impact.MAJOR, IncidentStatus.INVESTIGATING, Visibility.PUBLIC,
            Map.of("talk-call-recordings", ComponentStatus.PARTIAL_OUTAGE), 30);
    private static final TemplateContent UPDATE = new TemplateContent("en", Map.of(
            "en", new TemplateText(null, "A fix is deployed; we are watching {component}.")),
            null, IncidentStatus.MONITORING, Visibility.PUBLIC, Map.of(), 60);

    private AggregateTestFixture<Template> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Template.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TemplateCreated created(TemplateKind kind, TemplateContent content) {
        return new TemplateCreated(NAME, kind, content, EARLIER, EARLIER);
    }

    private static TemplateContent withTexts(TemplateContent content, String defaultLocale, Map<String, TemplateText> texts) {
        return new TemplateContent(defaultLocale, texts, content.impact(), content.status(), content.visibility(),
                content.components(), content.nextUpdateInMinutes());
    }

    @Test
    void givenNoTemplate_whenCreated_thenTemplateCreatedWithItsContent() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.DECLARATION, DECLARATION))
                .expectEvents(new TemplateCreated(NAME, TemplateKind.DECLARATION, DECLARATION, NOW, NOW));
    }

    @Test
    void givenNoTemplate_whenCreatedWithLanguageTagsInOtherCase_thenTheyAreStoredCanonical() {
        var texts = new LinkedHashMap<String, TemplateText>();
        texts.put("EN", new TemplateText(null, "Fixed."));
        texts.put("pt-br", new TemplateText(null, "Corrigido."));
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en", texts)))
                .expectEvents(new TemplateCreated(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en", Map.of(
                        "en", new TemplateText(null, "Fixed."), "pt-BR", new TemplateText(null, "Corrigido."))), NOW, NOW));
    }

    @Test
    void givenLiveTemplate_whenCreatedAgain_thenRefusedAsNameTaken() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, UPDATE))
                .expectException(ruleViolation("template-name-taken", "name"));
    }

    @Test
    void givenRetiredTemplate_whenCreatedAgain_thenANewTemplateUnderTheName() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE), new TemplateRetired(NAME, EARLIER, EARLIER))
                .when(new CreateTemplate(NAME, TemplateKind.DECLARATION, DECLARATION))
                .expectEvents(new TemplateCreated(NAME, TemplateKind.DECLARATION, DECLARATION, NOW, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Storage", "-storage", "storage-", "storage_degraded", "storage degraded"})
    void whenCreatedWithAnInvalidName_thenRefusedNamingTheName(String name) {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(name, TemplateKind.UPDATE, UPDATE))
                .expectException(invalidInput("invalid-template-name", "name"));
    }

    @Test
    void whenCreatedWithoutKind_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, null, UPDATE))
                .expectException(invalidInput("value-required", "kind"));
    }

    @Test
    void whenCreatedWithoutTexts_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en", Map.of())))
                .expectException(invalidInput("value-required", "texts"));
    }

    @Test
    void whenCreatedWithoutATextInTheDefaultLanguage_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "de",
                        Map.of("en", new TemplateText(null, "Fixed.")))))
                .expectException(invalidInput("default-locale-missing", "texts"));
    }

    @Test
    void whenCreatedWithAnInvalidDefaultLocale_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "english",
                        Map.of("en", new TemplateText(null, "Fixed.")))))
                .expectException(invalidInput("invalid-locale", "defaultLocale"));
    }

    @Test
    void whenCreatedWithAnInvalidLanguageAsKey_thenRefusedNamingIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en", Map.of(
                        "en", new TemplateText(null, "Fixed."), "xx-yy-zz", new TemplateText(null, "?")))))
                .expectException(invalidInput("invalid-locale", "texts.xx-yy-zz"));
    }

    @Test
    void whenADeclarationTextHasNoTitle_thenRefusedNamingTheTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.DECLARATION, withTexts(DECLARATION, "en",
                        Map.of("en", new TemplateText(" ", "Investigating.")))))
                .expectException(invalidInput("text-required", "texts.en.title"));
    }

    @Test
    void whenAnUpdateTextHasATitle_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en",
                        Map.of("en", new TemplateText("Title", "Fixed.")))))
                .expectException(invalidInput("template-field-not-for-kind", "texts.en.title"));
    }

    @Test
    void whenATextHasNoMessage_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en",
                        Map.of("en", new TemplateText(null, null)))))
                .expectException(invalidInput("text-required", "texts.en.message"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Problems with {component", "Problems with component}", "Next update {Next_Update}",
            "A {} brace", "{1st}"})
    void whenAMessageHasABraceThatIsNoPlaceholder_thenRefusedNamingTheText(String message) {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en",
                        Map.of("en", new TemplateText(null, message)))))
                .expectException(invalidInput("invalid-placeholder", "texts.en.message"));
    }

    @Test
    void whenAnUpdateTemplateCarriesAnImpact_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, new TemplateContent("en", UPDATE.texts(),
                        Impact.MINOR, null, null, null, null)))
                .expectException(invalidInput("template-field-not-for-kind", "impact"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 1441})
    void whenTheNextUpdateIsOutOfRange_thenRefused(int minutes) {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, new TemplateContent("en", UPDATE.texts(), null,
                        IncidentStatus.MONITORING, null, null, minutes)))
                .expectException(invalidInput("next-update-out-of-range", "nextUpdateInMinutes"));
    }

    @Test
    void whenAResolvingTemplatePromisesANextUpdate_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, new TemplateContent("en", UPDATE.texts(), null,
                        IncidentStatus.RESOLVED, null, null, 30)))
                .expectException(invalidInput("next-update-after-resolution", "nextUpdateInMinutes"));
    }

    @Test
    void whenAComponentIdIsInvalid_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate(NAME, TemplateKind.UPDATE, new TemplateContent("en", UPDATE.texts(), null,
                        null, null, Map.of("Talk Recordings", ComponentStatus.OPERATIONAL), null)))
                .expectException(invalidInput("invalid-id", "components"));
    }

    @Test
    void givenLiveTemplate_whenChanged_thenTemplateChangedWithTheWholeNewContent() {
        var changed = withTexts(UPDATE, "en", Map.of("en", new TemplateText(null, "Fixed; watching {component}.")));
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new ChangeTemplate(NAME, TemplateKind.UPDATE, changed, null))
                .expectEvents(new TemplateChanged(NAME, TemplateKind.UPDATE, changed, NOW, NOW));
    }

    @Test
    void givenLiveTemplate_whenChangedToTheSameContent_thenNoEvent() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new ChangeTemplate(NAME, TemplateKind.UPDATE, UPDATE, null))
                .expectNoEvents();
    }

    @Test
    void givenLiveTemplate_whenChangedToAnotherKind_thenRefused() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new ChangeTemplate(NAME, TemplateKind.DECLARATION, DECLARATION, null))
                .expectException(ruleViolation("template-kind-fixed", "kind"));
    }

    @Test
    void givenLiveTemplate_whenChangedToInvalidContent_thenRefusedAsOnCreation() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new ChangeTemplate(NAME, TemplateKind.UPDATE, withTexts(UPDATE, "en",
                        Map.of("en", new TemplateText(null, "{oops"))), null))
                .expectException(invalidInput("invalid-placeholder", "texts.en.message"));
    }

    @Test
    void givenLiveTemplate_whenChangedExpectingAnotherVersion_thenRefusedAsStale() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new ChangeTemplate(NAME, TemplateKind.UPDATE, DECLARATION, 3L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void givenLiveTemplate_whenChangedExpectingItsVersion_thenChanged() {
        var changed = withTexts(UPDATE, "en", Map.of("en", new TemplateText(null, "Watching.")));
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new ChangeTemplate(NAME, TemplateKind.UPDATE, changed, 0L))
                .expectEvents(new TemplateChanged(NAME, TemplateKind.UPDATE, changed, NOW, NOW));
    }

    @Test
    void givenLiveTemplate_whenRetiredExpectingAnotherVersion_thenRefusedAsStale() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new RetireTemplate(NAME, 3L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void givenNoTemplate_whenChanged_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ChangeTemplate(NAME, TemplateKind.UPDATE, UPDATE, null))
                .expectException(notFound("template-not-found", "name"));
    }

    @Test
    void givenRetiredTemplate_whenChanged_thenRefusedAsRetired() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE), new TemplateRetired(NAME, EARLIER, EARLIER))
                .when(new ChangeTemplate(NAME, TemplateKind.UPDATE, UPDATE, null))
                .expectException(ruleViolation("template-retired", "name"));
    }

    @Test
    void givenLiveTemplate_whenRetired_thenTemplateRetired() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE))
                .when(new RetireTemplate(NAME, null))
                .expectEvents(new TemplateRetired(NAME, NOW, NOW));
    }

    @Test
    void givenRetiredTemplate_whenRetiredAgain_thenRefusedAsRetired() {
        fixture.given(created(TemplateKind.UPDATE, UPDATE), new TemplateRetired(NAME, EARLIER, EARLIER))
                .when(new RetireTemplate(NAME, null))
                .expectException(ruleViolation("template-retired", "name"));
    }

    @Test
    void givenNoTemplate_whenRetired_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RetireTemplate(NAME, null))
                .expectException(notFound("template-not-found", "name"));
    }
}
