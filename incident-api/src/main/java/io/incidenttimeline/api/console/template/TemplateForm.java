package io.incidenttimeline.api.console.template;

import io.incidenttimeline.api.console.forms.ConsoleCommands;
import io.incidenttimeline.api.console.forms.FormProblems;
import io.incidenttimeline.api.http.command.TemplateRequests;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.core.shared.WireEnum;
import io.incidenttimeline.core.template.TemplateKind;
import io.incidenttimeline.core.template.TemplateText;
import io.incidenttimeline.projections.template.ResponderTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The template form's input as typed, kept to show the form again, and its reading into the API's requests
 * ({@link TemplateRequests.Creation}, {@link TemplateRequests.Change}). The texts come as rows {@code text.<i>.locale},
 * {@code text.<i>.title} and {@code text.<i>.message}; the form always shows one empty row more, so a language is
 * added one per submit without JavaScript. A component's status comes in as {@code component.<id>}.
 */
public record TemplateForm(String name, String kind, String defaultLocale, List<Row> rows, String impact,
                           String status, String visibility, String nextUpdateInMinutes,
                           Map<String, String> components, String version, String formKey) {

    static final String COMPONENT = "component.";
    private static final Set<String> FIXED_FIELDS = Set.of("name", "kind", "defaultLocale", "texts", "impact", "status",
            "visibility", "nextUpdateInMinutes", "components", "version");

    /** One language's texts; {@code index} names its inputs. */
    public record Row(int index, String locale, String title, String message) {

        boolean blank() {
            return locale.isBlank() && title.isBlank() && message.isBlank();
        }

        public String field(String part) {
            return "text." + index + "." + part;
        }
    }

    static TemplateForm blank() {
        return new TemplateForm("", TemplateKind.DECLARATION.wire(), "en", List.of(new Row(0, "en", "", "")), null,
                null, null, "", Map.of(), "", ConsoleCommands.newFormKey()).withSpareRow();
    }

    static TemplateForm of(ResponderTemplate template) {
        var content = template.content();
        List<Row> rows = new ArrayList<>();
        content.texts().forEach((locale, text) -> rows.add(new Row(rows.size(), locale,
                text.title() == null ? "" : text.title(), text.message() == null ? "" : text.message())));
        Map<String, String> components = new LinkedHashMap<>();
        if (content.components() != null) {
            content.components().forEach((id, status) -> components.put(id, status.wire()));
        }
        return new TemplateForm(template.name(), template.kind().wire(), content.defaultLocale(), rows,
                wire(content.impact()), wire(content.status()), wire(content.visibility()),
                content.nextUpdateInMinutes() == null ? "" : content.nextUpdateInMinutes().toString(), components,
                Long.toString(template.version()), ConsoleCommands.newFormKey()).withSpareRow();
    }

    static TemplateForm of(MultiValueMap<String, String> fields) {
        Map<String, String> components = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith(COMPONENT) && !values.isEmpty() && !values.get(0).isBlank()) {
                components.put(name.substring(COMPONENT.length()), values.get(0));
            }
        });
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50 && (fields.containsKey("text." + i + ".locale") || fields.containsKey("text." + i + ".message")); i++) {
            Row row = new Row(rows.size(), text(fields, "text." + i + ".locale"), text(fields, "text." + i + ".title"),
                    text(fields, "text." + i + ".message"));
            if (!row.blank()) {
                rows.add(row);
            }
        }
        return new TemplateForm(text(fields, "name"), text(fields, "kind"), text(fields, "defaultLocale"), rows,
                text(fields, "impact"), text(fields, "status"), text(fields, "visibility"),
                text(fields, "nextUpdateInMinutes"), components, text(fields, "version"),
                fields.getFirst(ConsoleCommands.FORM_KEY)).withSpareRow();
    }

    /** The same input under a new form key (a refusal is kept for the old one), at {@code version} when not null. */
    TemplateForm again(String newVersion) {
        return new TemplateForm(name, kind, defaultLocale, rows, impact, status, visibility, nextUpdateInMinutes,
                components, newVersion == null ? version : newVersion, ConsoleCommands.newFormKey());
    }

    private TemplateForm withSpareRow() {
        List<Row> all = new ArrayList<>(rows);
        all.add(new Row(all.size(), "", "", ""));
        return new TemplateForm(name, kind, defaultLocale, List.copyOf(all), impact, status, visibility,
                nextUpdateInMinutes, components, version, formKey);
    }

    /** The names FormProblems shows next to a field: the fixed ones and each row's inputs. */
    Set<String> fields() {
        Set<String> names = new HashSet<>(FIXED_FIELDS);
        rows.forEach(row -> names.addAll(List.of(row.field("locale"), row.field("title"), row.field("message"))));
        return names;
    }

    /** The form's field for a field the domain names ({@code texts.de.message} is the message of the row in de). */
    String formField(String field) {
        if (field == null || !field.startsWith("texts.")) {
            return field;
        }
        String rest = field.substring("texts.".length());
        for (Row row : rows) {
            String tag = row.locale().strip();
            if (!tag.isEmpty() && rest.startsWith(tag) && (rest.length() == tag.length() || rest.charAt(tag.length()) == '.')) {
                String part = rest.substring(tag.length());
                return part.isEmpty() ? row.field("locale") : row.field(part.substring(1));
            }
        }
        return "texts";
    }

    public String componentStatus(String componentId) {
        return components.getOrDefault(componentId, "");
    }

    public boolean declaration() {
        return TemplateKind.DECLARATION.wire().equals(kind);
    }

    long expectedVersion(FormProblems problems) {
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            problems.add("version", "The form lost the template's version; open the template again.");
            return -1;
        }
    }

    TemplateRequests.Creation creation(FormProblems problems) {
        Parts parts = parts(problems);
        return new TemplateRequests.Creation(name.strip(), parts.kind, parts.defaultLocale, parts.texts, parts.impact,
                parts.status, parts.visibility, parts.components, parts.minutes);
    }

    TemplateRequests.Change change(FormProblems problems) {
        Parts parts = parts(problems);
        return new TemplateRequests.Change(parts.kind, parts.defaultLocale, parts.texts, parts.impact, parts.status,
                parts.visibility, parts.components, parts.minutes);
    }

    private record Parts(TemplateKind kind, String defaultLocale, Map<String, TemplateText> texts, Impact impact,
                         IncidentStatus status, Visibility visibility, Map<String, ComponentStatus> components,
                         Integer minutes) {
    }

    private Parts parts(FormProblems problems) {
        TemplateKind templateKind = choice(TemplateKind.class, "kind", kind, problems);
        boolean titled = templateKind != TemplateKind.UPDATE;
        Map<String, TemplateText> texts = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.blank()) {
                continue;
            }
            if (row.locale().isBlank()) {
                problems.add(row.field("locale"), "Give the language of this text, such as en or de.");
                continue;
            }
            texts.put(row.locale().strip(), new TemplateText(titled ? row.title() : blankToNull(row.title()),
                    row.message()));
        }
        Integer minutes = null;
        if (!nextUpdateInMinutes.isBlank()) {
            try {
                minutes = Integer.valueOf(nextUpdateInMinutes.strip());
            } catch (NumberFormatException e) {
                problems.add("nextUpdateInMinutes", "Give the next update as a whole number of minutes, or leave it empty.");
            }
        }
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
        components.forEach((id, value) -> statuses.put(id, choice(ComponentStatus.class, "components", value, problems)));
        return new Parts(templateKind, defaultLocale.isBlank() ? null : defaultLocale.strip(),
                texts.isEmpty() ? null : texts, choice(Impact.class, "impact", impact, problems),
                choice(IncidentStatus.class, "status", status, problems),
                choice(Visibility.class, "visibility", visibility, problems), statuses.isEmpty() ? null : statuses,
                minutes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wire();
    }

    private static <E extends Enum<E> & WireEnum> E choice(Class<E> type, String field, String value,
                                                          FormProblems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return WireEnum.parse(type, value).orElseGet(() -> {
            problems.add(field, "'" + value + "' is not one of: " + WireEnum.allowed(type).replace('_', ' '));
            return null;
        });
    }

    private static String text(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }
}
