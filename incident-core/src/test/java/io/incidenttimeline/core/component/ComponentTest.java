package io.incidenttimeline.core.component;

import static io.incidenttimeline.core.shared.Rejections.invalidInput;
import static io.incidenttimeline.core.shared.Rejections.ruleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The component catalogue entry "Talk / Call recordings" of the reference incident. */
class ComponentTest {

    private static final Instant NOW = Instant.parse("2024-07-01T08:00:00Z");
    private static final Instant DEFINED_AT = Instant.parse("2024-06-03T09:00:00Z");
    private static final String ID = "talk-call-recordings";
    private static final String NAME = "Call recordings";
    private static final String GROUP = "Talk";
    private static final String DESCRIPTION = "Recording, storage and playback of Talk calls";

    private AggregateTestFixture<Component> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Component.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ComponentDefined defined() {
        return new ComponentDefined(ID, NAME, GROUP, 3, DESCRIPTION, DEFINED_AT, DEFINED_AT);
    }

    @Test
    void givenNoComponent_whenDefined_thenComponentDefined() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, NAME, GROUP, 3, DESCRIPTION, null))
                .expectEvents(new ComponentDefined(ID, NAME, GROUP, 3, DESCRIPTION, NOW, NOW));
    }

    @Test
    void givenNoComponent_whenDefinedWithNameOnly_thenComponentDefinedWithoutGroupPositionOrDescription() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, NAME, null, null, null, null))
                .expectEvents(new ComponentDefined(ID, NAME, null, null, null, NOW, NOW));
    }

    @Test
    void givenNoComponent_whenDefinedAsOfAnEarlierTime_thenOccurredThenButRecordedNow() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, NAME, GROUP, 3, DESCRIPTION, DEFINED_AT))
                .expectEvents(new ComponentDefined(ID, NAME, GROUP, 3, DESCRIPTION, DEFINED_AT, NOW));
    }

    @Test
    void givenDefinedComponent_whenDefinedTheSameAgain_thenNothingHappens() {
        fixture.given(defined())
                .when(new DefineComponent(ID, NAME, GROUP, 3, DESCRIPTION, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenDefinedComponent_whenRenamed_thenComponentRedefined() {
        fixture.given(defined())
                .when(new DefineComponent(ID, "Call recordings and voicemail", GROUP, 3, DESCRIPTION, null))
                .expectEvents(new ComponentRedefined(ID, "Call recordings and voicemail", GROUP, 3, DESCRIPTION, NOW,
                        NOW));
    }

    @Test
    void givenDefinedComponent_whenRegrouped_thenComponentRedefined() {
        fixture.given(defined())
                .when(new DefineComponent(ID, NAME, "Talk (legacy)", 3, DESCRIPTION, null))
                .expectEvents(new ComponentRedefined(ID, NAME, "Talk (legacy)", 3, DESCRIPTION, NOW, NOW));
    }

    @Test
    void givenDefinedComponent_whenMoved_thenComponentRedefined() {
        fixture.given(defined())
                .when(new DefineComponent(ID, NAME, GROUP, 0, DESCRIPTION, null))
                .expectEvents(new ComponentRedefined(ID, NAME, GROUP, 0, DESCRIPTION, NOW, NOW));
    }

    @Test
    void givenDefinedComponent_whenDescriptionRemoved_thenComponentRedefined() {
        fixture.given(defined())
                .when(new DefineComponent(ID, NAME, GROUP, 3, null, null))
                .expectEvents(new ComponentRedefined(ID, NAME, GROUP, 3, null, NOW, NOW));
    }

    @Test
    void givenRedefinedComponent_whenTheNewDefinitionGivenAgain_thenNothingHappens() {
        fixture.given(defined(), new ComponentRedefined(ID, "Call recordings and voicemail", GROUP, 0, null, NOW, NOW))
                .when(new DefineComponent(ID, "Call recordings and voicemail", GROUP, 0, null, null))
                .expectNoEvents();
    }

    @Test
    void givenRedefinedComponent_whenTheOriginalDefinitionGivenAgain_thenComponentRedefined() {
        fixture.given(defined(), new ComponentRedefined(ID, "Call recordings and voicemail", GROUP, 0, null, NOW, NOW))
                .when(new DefineComponent(ID, NAME, GROUP, 3, DESCRIPTION, null))
                .expectEvents(new ComponentRedefined(ID, NAME, GROUP, 3, DESCRIPTION, NOW, NOW));
    }

    @Test
    void givenDefinedComponent_whenRetired_thenComponentRetired() {
        fixture.given(defined())
                .when(new RetireComponent(ID, "Merged into Talk", null))
                .expectEvents(new ComponentRetired(ID, "Merged into Talk", NOW, NOW));
    }

    @Test
    void givenRetiredComponent_whenRetiredAgain_thenNothingHappens() {
        fixture.given(defined(), new ComponentRetired(ID, null, NOW, NOW))
                .when(new RetireComponent(ID, "again", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenRetiredComponent_whenDefinedAgain_thenRefusedAsRetired() {
        fixture.given(defined(), new ComponentRetired(ID, null, NOW, NOW))
                .when(new DefineComponent(ID, NAME, GROUP, 3, DESCRIPTION, null))
                .expectException(ruleViolation("component-retired", "id"))
                .expectNoEvents();
    }

    @Test
    void givenNoComponent_whenRetired_thenRefusedAsUnknown() {
        fixture.givenNoPriorActivity()
                .when(new RetireComponent(ID, null, null))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void givenDefinedComponent_whenRetiredWithAReasonOver1000Characters_thenRefused() {
        fixture.given(defined())
                .when(new RetireComponent(ID, "r".repeat(1001), null))
                .expectException(invalidInput("text-too-long", "reason"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"talk call recordings", "", "-talk", "talk/recordings"})
    void givenNoComponent_whenDefinedWithMalformedId_thenRefused(String id) {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(id, NAME, GROUP, 3, DESCRIPTION, null))
                .expectException(invalidInput("invalid-id", "id"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void givenNoComponent_whenDefinedWithBlankName_thenRefused(String name) {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, name, GROUP, 3, DESCRIPTION, null))
                .expectException(invalidInput("text-required", "name"))
                .expectNoEvents();
    }

    @Test
    void givenNoComponent_whenDefinedWithoutName_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, null, GROUP, 3, DESCRIPTION, null))
                .expectException(invalidInput("text-required", "name"))
                .expectNoEvents();
    }

    @Test
    void givenDefinedComponent_whenRenamedToBlank_thenRefused() {
        fixture.given(defined())
                .when(new DefineComponent(ID, " ", GROUP, 3, DESCRIPTION, null))
                .expectException(invalidInput("text-required", "name"))
                .expectNoEvents();
    }

    @Test
    void givenNoComponent_whenDefinedWithNameOf201Characters_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, "n".repeat(201), GROUP, 3, DESCRIPTION, null))
                .expectException(invalidInput("text-too-long", "name"))
                .expectNoEvents();
    }

    @Test
    void givenNoComponent_whenDefinedWithBlankGroup_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, NAME, " ", 3, DESCRIPTION, null))
                .expectException(invalidInput("text-required", "group"))
                .expectNoEvents();
    }

    @Test
    void givenNoComponent_whenDefinedWithNegativePosition_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, NAME, GROUP, -1, DESCRIPTION, null))
                .expectException(invalidInput("invalid-position", "position"))
                .expectNoEvents();
    }

    @Test
    void givenNoComponent_whenDefinitionClaimsToLieInTheFuture_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, NAME, GROUP, 3, DESCRIPTION, NOW.plusSeconds(120)))
                .expectException(invalidInput("time-in-future", "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenComponentId_whenDefineComponentIsRouted_thenItTargetsTheStreamComponentColonId() {
        org.assertj.core.api.Assertions.assertThat(new DefineComponent(ID, NAME, null, null, null, null).aggregateId())
                .isEqualTo("component:talk-call-recordings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"group-talk", "group-", "group-data-2"})
    void givenNoComponent_whenGroupGivenInTheFormOfAGroupId_thenRefused(String group) {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(ID, NAME, group, 3, DESCRIPTION, null))
                .expectException(invalidInput("group-id-not-name", "group"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TALK", "Talk."})
    void givenNoComponent_whenIdInUpperCaseOrEndingInADot_thenRefused(String id) {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent(id, NAME, GROUP, 3, DESCRIPTION, null))
                .expectException(invalidInput("invalid-id", "id"))
                .expectNoEvents();
    }
}
