package io.incidenttimeline.api.template;

import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.LanguageTag;
import io.incidenttimeline.core.shared.Text;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.core.template.TemplateContent;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.core.template.TemplateName;
import io.incidenttimeline.core.template.TemplateRenderer;
import io.incidenttimeline.core.template.TemplateText;
import io.incidenttimeline.projections.template.ResponderTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Applies a template: fills it in for a declaration or an update, so that the command that follows carries only the
 * resulting text and values, never a reference to the template. What the request gives itself wins over the
 * template's; a placeholder of a text the request replaces needs no value. {@code {next_update}} is worded from the
 * promise the command will carry, so the promise is sent as the time it names.
 */
@Service
public class Templates {

    public static final String NAME_FIELD = "template.name";
    private static final int MAX_MINUTES = 24 * 60;

    private final EventStoreTemplates store;
    private final Clock clock;

    Templates(EventStoreTemplates store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the request gives itself; any of it may be null. */
    public record Given(String title, String message, String locale, Impact impact, IncidentStatus status,
                        Visibility visibility, Map<String, ComponentStatus> components, Instant occurredAt,
                        Integer nextUpdateInMinutes, Instant nextUpdateDueAt) {
    }

    /** The request's values with the template's filled in where the request left them out. */
    public record Filled(String name, TemplateKind kind, String locale, String title, String message, Impact impact,
                         IncidentStatus status, Visibility visibility, Map<String, ComponentStatus> components,
                         Integer nextUpdateInMinutes, Instant nextUpdateDueAt) {
    }

    /** Fills the template in for a declaration. */
    public Filled forDeclaration(TemplateUse use, Given given) {
        return fill(use, TemplateKind.DECLARATION, given, given.locale());
    }

    /** Fills the template in for an update of {@code incidentId}, in the incident's language unless told otherwise. */
    public Filled forUpdate(TemplateUse use, String incidentId, Given given) {
        return fill(use, TemplateKind.UPDATE, given, store.incidentLocale(incidentId).orElse(null));
    }

    /** Fills the template in as it is, of whichever kind, for a preview. */
    public Filled preview(String name, TemplateUse use, Given given) {
        checked(use, "");
        ResponderTemplate template = live(name, "name");
        Integer minutes = given.nextUpdateInMinutes();
        if (minutes != null && given.nextUpdateDueAt() != null) {
            throw CommandRejected.invalid("nextUpdateDueAt", "next-update-ambiguous",
                    "give either nextUpdateDueAt or nextUpdateInMinutes, not both");
        }
        if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
            throw CommandRejected.invalid("nextUpdateInMinutes", "next-update-out-of-range",
                    "nextUpdateInMinutes must be between 1 and " + MAX_MINUTES);
        }
        return fill(template, use, given, given.locale(), "");
    }

    /**
     * What a console form starts from: the template's values, its text with {@code {component}} and
     * {@code {next_update}} filled from its own components and promise, and the free placeholders left for the person
     * to replace. Refused as applying it would be (unknown, retired, of the other kind).
     */
    public Filled prefill(String name, TemplateKind kind, String fallbackLocale) {
        ResponderTemplate template = live(name, "template");
        if (template.kind() != kind) {
            throw CommandRejected.invalid("template", "template-kind-mismatch", "template " + name + " is a "
                    + template.kind().wire() + " template");
        }
        TemplateContent content = template.content();
        Instant now = clock.instant();
        Instant dueAt = content.nextUpdateInMinutes() == null ? null
                : now.plus(Duration.ofMinutes(content.nextUpdateInMinutes()));
        Map<String, ComponentStatus> components = content.components() == null ? Map.of() : content.components();
        var text = TemplateRenderer.prefill(content, fallbackLocale, new TreeMap<>(components).keySet().stream()
                .map(store::componentName).toList(), dueAt, now);
        return new Filled(template.name(), template.kind(), text.locale(), text.title(), text.message(),
                content.impact(), content.status(), content.visibility(), components, content.nextUpdateInMinutes(),
                null);
    }

    private Filled fill(TemplateUse use, TemplateKind kind, Given given, String fallbackLocale) {
        checked(use, TemplateRenderer.IN_REQUEST);
        if (use.name() == null) {
            throw CommandRejected.invalid(NAME_FIELD, "value-required", NAME_FIELD + " is required: " + TemplateName.RULE);
        }
        ResponderTemplate template = live(use.name(), NAME_FIELD);
        if (template.kind() != kind) {
            throw CommandRejected.invalid(NAME_FIELD, "template-kind-mismatch", "template " + use.name() + " is a "
                    + template.kind().wire() + " template; " + (kind == TemplateKind.DECLARATION
                    ? "a declaration takes a declaration template" : "an update takes an update template"));
        }
        return fill(template, use, given, fallbackLocale, TemplateRenderer.IN_REQUEST);
    }

    /** The caller's own texts are checked first, so that a refusal names the first field the caller would fix. */
    private static void checked(TemplateUse use, String prefix) {
        if (use.locale() != null) {
            LanguageTag.normalise(prefix + "locale", use.locale());
        }
        if (use.values() != null) {
            use.values().forEach((name, value) -> Text.required(prefix + "values." + name, value, Text.REASON_MAX));
        }
    }

    private ResponderTemplate live(String name, String field) {
        TemplateName.checked(field, name);
        ResponderTemplate template = store.template(name).orElseThrow(() -> CommandRejected.notFound(field,
                "template-not-found", "no template is named " + name));
        if (template.retired()) {
            throw CommandRejected.ruleViolation(field, "template-retired", "template " + name
                    + " was retired and is applied no more");
        }
        return template;
    }

    private Filled fill(ResponderTemplate template, TemplateUse use, Given given, String fallbackLocale,
                        String fieldPrefix) {
        TemplateContent content = template.content();
        Map<String, ComponentStatus> components = given.components() != null ? given.components()
                : content.components() == null || content.components().isEmpty() ? null : content.components();
        Integer minutes = given.nextUpdateInMinutes();
        Instant dueAt = given.nextUpdateDueAt();
        IncidentStatus status = given.status() != null ? given.status() : content.status();
        if (minutes == null && dueAt == null && status != IncidentStatus.RESOLVED) {
            minutes = content.nextUpdateInMinutes();
        }
        if (minutes != null && dueAt == null && minutes >= 1 && minutes <= MAX_MINUTES) {
            // sent as the time the text names, so that the text and the recorded promise agree
            dueAt = (given.occurredAt() != null ? given.occurredAt() : clock.instant()).plus(Duration.ofMinutes(minutes));
            minutes = null;
        }
        var rendered = TemplateRenderer.render(withoutReplaced(content, given), use.locale() != null ? use.locale()
                        : fallbackLocale, use.values(),
                (components == null ? Map.<String, ComponentStatus>of() : new TreeMap<>(components)).keySet().stream()
                        .map(store::componentName).toList(), dueAt, clock.instant(), fieldPrefix);
        return new Filled(template.name(), template.kind(), given.locale() != null ? given.locale() : rendered.locale(),
                given.title() != null ? given.title() : rendered.title(),
                given.message() != null ? given.message() : rendered.message(),
                given.impact() != null ? given.impact() : content.impact(),
                status,
                given.visibility() != null ? given.visibility() : content.visibility(), components, minutes, dueAt);
    }

    /** The template without the texts the request gives itself: their placeholders need no value. */
    private static TemplateContent withoutReplaced(TemplateContent content, Given given) {
        Map<String, TemplateText> texts = new LinkedHashMap<>();
        content.texts().forEach((locale, text) -> texts.put(locale, new TemplateText(
                given.title() != null ? null : text.title(), given.message() != null ? null : text.message())));
        return new TemplateContent(content.defaultLocale(), texts, content.impact(), content.status(),
                content.visibility(), content.components(), content.nextUpdateInMinutes());
    }
}
