package io.incidenttimeline.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling a template in: languages and their fallbacks, the placeholders, and what is refused. */
class TemplateRendererTest {

    private static final Instant NOW = Instant.parse("2024-07-05T13:30:00Z");
    private static final TemplateContent TEMPLATE = new TemplateContent("en", Map.of(
            "en", new TemplateText("{component} degraded", "We are investigating {component}. Next update by "
                    + "{next_update}. Ticket {ticket}."),
            "de", new TemplateText("{component} beeinträchtigt", "Wir untersuchen {component}. Ticket {ticket}."),
            "pt-BR", new TemplateText("{component} degradado", "Investigando {component}.")),
            null, IncidentStatus.INVESTIGATING, null, Map.of(), null);

    @Test
    void fillsComponentNamesThePromisedTimeAndFreeValues() {
        var rendered = render(null, Map.of("ticket", "OPS-17"),
                List.of("Call recordings", "Talk"), Instant.parse("2024-07-05T14:01:00Z"), NOW);
        assertThat(rendered.locale()).isEqualTo("en");
        assertThat(rendered.title()).isEqualTo("Call recordings, Talk degraded");
        assertThat(rendered.message()).isEqualTo("We are investigating Call recordings, Talk. Next update by 14:01 UTC. "
                + "Ticket OPS-17.");
    }

    @Test
    void aPromiseOnAnotherUtcDayIsWordedWithItsDate() {
        var rendered = render("en", Map.of("ticket", "OPS-17"), List.of("Talk"),
                Instant.parse("2024-07-06T00:15:00Z"), Instant.parse("2024-07-05T23:45:00Z"));
        assertThat(rendered.message()).contains("Next update by 2024-07-06 00:15 UTC.");
    }

    @Test
    void picksTheLanguageAskedFor() {
        var rendered = render("de", Map.of("ticket", "OPS-17"), List.of("Talk"), null, NOW);
        assertThat(rendered.locale()).isEqualTo("de");
        assertThat(rendered.title()).isEqualTo("Talk beeinträchtigt");
        assertThat(rendered.message()).isEqualTo("Wir untersuchen Talk. Ticket OPS-17.");
    }

    @Test
    void fallsBackToTheBaseLanguageThenToTheDefault() {
        assertThat(render("de-CH", Map.of("ticket", "1"), List.of("Talk"), null, NOW)
                .locale()).isEqualTo("de");
        assertThat(render("pt-br", Map.of(), List.of("Talk"), null, NOW).locale())
                .as("the tag is read case-insensitively").isEqualTo("pt-BR");
        var french = render("fr", Map.of("ticket", "1"), List.of("Talk"),
                Instant.parse("2024-07-05T14:00:00Z"), NOW);
        assertThat(french.locale()).isEqualTo("en");
        assertThat(french.title()).isEqualTo("Talk degraded");
    }

    @Test
    void aValueIsInsertedAsItStandsEvenWhenItLooksLikeAPlaceholder() {
        var rendered = render("de", Map.of("ticket", "{component} $1 \\"), List.of("Talk"),
                null, NOW);
        assertThat(rendered.message()).isEqualTo("Wir untersuchen Talk. Ticket {component} $1 \\.");
    }

    @Test
    void aPrefillFillsWhatIsKnownAndLeavesTheFreePlaceholdersToThePerson() {
        var prefilled = TemplateRenderer.prefill(TEMPLATE, "en", List.of("Talk"), Instant.parse("2024-07-05T14:00:00Z"),
                NOW);
        assertThat(prefilled.message()).isEqualTo("We are investigating Talk. Next update by 14:00 UTC. Ticket {ticket}.");
        assertThat(Placeholders.left(prefilled.message())).containsExactly("ticket");
        var unknown = TemplateRenderer.prefill(TEMPLATE, "de", List.of(), null, NOW);
        assertThat(unknown.title()).isEqualTo("{component} beeinträchtigt");
        assertThat(Placeholders.left(unknown.message())).containsExactly("component", "ticket");
        assertThat(Placeholders.left("A {stray brace and {name}")).containsExactly("name");
    }

    @Test
    void anUnfilledFreePlaceholderIsRefusedNamingItsValue() {
        assertRefused(() -> render("de", Map.of(), List.of("Talk"), null, NOW),
                "unfilled-placeholder", "template.values.ticket");
    }

    @Test
    void componentWithoutComponentsIsRefusedNamingComponents() {
        assertRefused(() -> render("de", Map.of("ticket", "1"), List.of(), null, NOW),
                "unfilled-placeholder", "components");
    }

    @Test
    void nextUpdateWithoutAPromiseIsRefusedNamingThePromise() {
        assertRefused(() -> render("en", Map.of("ticket", "1"), List.of("Talk"), null, NOW),
                "unfilled-placeholder", "nextUpdateInMinutes");
    }

    @Test
    void aValueForNoPlaceholderOfTheChosenTextIsRefused() {
        assertRefused(() -> render("pt-BR", Map.of("ticket", "1"), List.of("Talk"), null,
                NOW), "unknown-placeholder", "template.values.ticket");
    }

    @Test
    void aValueForAPlaceholderFilledFromTheRequestIsRefused() {
        assertRefused(() -> render("de", Map.of("ticket", "1", "component", "X"),
                List.of("Talk"), null, NOW), "unknown-placeholder", "template.values.component");
    }

    @Test
    void aBlankOrOverlongValueIsRefused() {
        assertRefused(() -> render("de", Map.of("ticket", " "), List.of("Talk"), null, NOW),
                "text-required", "template.values.ticket");
        assertRefused(() -> render("de", Map.of("ticket", "x".repeat(1001)),
                List.of("Talk"), null, NOW), "text-too-long", "template.values.ticket");
    }

    @Test
    void aPreviewNamesItsOwnFields() {
        assertRefused(() -> render("de", Map.of(), List.of("Talk"), null, NOW, ""),
                "unfilled-placeholder", "values.ticket");
        assertRefused(() -> render("??", Map.of(), List.of("Talk"), null, NOW, ""),
                "invalid-locale", "locale");
    }

    @Test
    void anInvalidLanguageIsRefusedNamingIt() {
        assertRefused(() -> render("no such", Map.of(), List.of("Talk"), null, NOW),
                "invalid-locale", "template.locale");
    }

    /** Renders {@link #TEMPLATE} as a declaration or an update would. */
    private static TemplateRenderer.Rendered render(String locale, Map<String, String> values, List<String> names,
                                                    Instant dueAt, Instant now) {
        return render(locale, values, names, dueAt, now, TemplateRenderer.IN_REQUEST);
    }

    private static TemplateRenderer.Rendered render(String locale, Map<String, String> values, List<String> names,
                                                    Instant dueAt, Instant now, String prefix) {
        return TemplateRenderer.render(TEMPLATE, locale, values, names, dueAt, now, prefix);
    }

    private static void assertRefused(Runnable render, String type, String field) {
        assertThatThrownBy(render::run).isInstanceOfSatisfying(CommandRejected.class, rejected -> {
            assertThat(rejected.type()).isEqualTo(type);
            assertThat(rejected.field()).isEqualTo(field);
        });
    }
}
