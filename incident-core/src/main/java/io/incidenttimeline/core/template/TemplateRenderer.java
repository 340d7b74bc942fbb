package io.incidenttimeline.core.template;

import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.LanguageTag;
import io.incidenttimeline.core.shared.Text;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a template's text in: picks the language (the one asked for, else its base language, else the template's
 * default) and replaces every placeholder. {@code {component}} becomes the names of the components the declaration or
 * update names, {@code {next_update}} the promised time in UTC, and every other placeholder the caller's value of that
 * name. A placeholder left without a value, and a value for no placeholder of the text, are refused naming the field
 * the caller would fix. Pure: the caller supplies the names and the time.
 */
public final class TemplateRenderer {

    /** Where a declaration or an update names its template, for the refusals' {@code field}. */
    public static final String IN_REQUEST = "template.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TemplateRenderer() {
    }

    /** The filled-in text, and the language it is in. {@code title} is null for an update template. */
    public record Rendered(String locale, String title, String message) {
    }

    /**
     * @param locale         the language asked for, or null for the template's default
     * @param values         the caller's free values by placeholder name (may be null)
     * @param componentNames the names of the components named, in order; empty when none is
     * @param nextUpdateDueAt the promised next update, or null when none is promised
     * @param now            when the update is posted: a promise on another UTC day is worded with its date
     * @param prefix         what the request's {@code locale} and {@code values} fields are under: {@value #IN_REQUEST}
     *                       on a declaration or an update, nothing on a preview
     */
    public static Rendered render(TemplateContent content, String locale, Map<String, String> values,
                                  List<String> componentNames, Instant nextUpdateDueAt, Instant now, String prefix) {
        String valuesField = prefix + "values";
        String asked = locale == null ? null : LanguageTag.normalise(prefix + "locale", locale);
        Map.Entry<String, TemplateText> text = content.textFor(asked);
        Set<String> used = new LinkedHashSet<>(Placeholders.in("title", text.getValue().title()));
        used.addAll(Placeholders.in("message", text.getValue().message()));
        Map<String, String> given = values == null ? Map.of() : values;
        for (var value : given.entrySet()) {
            String field = valuesField + "." + value.getKey();
            if (value.getKey().equals(Placeholders.COMPONENT) || value.getKey().equals(Placeholders.NEXT_UPDATE)) {
                throw CommandRejected.invalid(field, "unknown-placeholder", "{" + value.getKey() + "} is filled from "
                        + (value.getKey().equals(Placeholders.COMPONENT) ? "components" : "the next-update promise")
                        + ", not from a value");
            }
            if (!used.contains(value.getKey())) {
                throw CommandRejected.invalid(field, "unknown-placeholder", "the " + text.getKey()
                        + " text of the template has no placeholder {" + value.getKey() + "}; it has "
                        + (used.isEmpty() ? "none" : String.join(", ", used.stream().map(n -> "{" + n + "}").toList())));
            }
            Text.required(field, value.getValue(), Text.REASON_MAX);
        }
        Map<String, String> filled = new HashMap<>(given);
        for (String name : used) {
            if (name.equals(Placeholders.COMPONENT)) {
                if (componentNames.isEmpty()) {
                    throw CommandRejected.invalid("components", "unfilled-placeholder",
                            "the template says {component}, so the request or the template must name a component");
                }
                filled.put(name, String.join(", ", componentNames));
            } else if (name.equals(Placeholders.NEXT_UPDATE)) {
                if (nextUpdateDueAt == null) {
                    throw CommandRejected.invalid("nextUpdateInMinutes", "unfilled-placeholder",
                            "the template says {next_update}, so the request or the template must promise a next "
                                    + "update (nextUpdateInMinutes or nextUpdateDueAt)");
                }
                filled.put(name, worded(nextUpdateDueAt, now));
            } else if (!filled.containsKey(name)) {
                throw CommandRejected.invalid(valuesField + "." + name, "unfilled-placeholder",
                        "the template says {" + name + "}; give its value in " + valuesField + "." + name);
            }
        }
        return new Rendered(text.getKey(), Placeholders.fill(text.getValue().title(), filled),
                Placeholders.fill(text.getValue().message(), filled));
    }

    /**
     * The text to start a form from: {@code {component}} and {@code {next_update}} filled where the names and the
     * promise are known, every other placeholder left for the person to replace.
     */
    public static Rendered prefill(TemplateContent content, String locale, List<String> componentNames,
                                   Instant nextUpdateDueAt, Instant now) {
        Map.Entry<String, TemplateText> text = content.textFor(locale);
        Map<String, String> known = new HashMap<>();
        if (!componentNames.isEmpty()) {
            known.put(Placeholders.COMPONENT, String.join(", ", componentNames));
        }
        if (nextUpdateDueAt != null) {
            known.put(Placeholders.NEXT_UPDATE, worded(nextUpdateDueAt, now));
        }
        return new Rendered(text.getKey(), Placeholders.fill(text.getValue().title(), known),
                Placeholders.fill(text.getValue().message(), known));
    }

    /** "14:30 UTC", or "2026-12-08 00:30 UTC" when the promise falls on another UTC day than {@code now}. */
    static String worded(Instant at, Instant now) {
        boolean sameDay = at.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return (sameDay ? TIME : DAY_AND_TIME).format(at);
    }
}
