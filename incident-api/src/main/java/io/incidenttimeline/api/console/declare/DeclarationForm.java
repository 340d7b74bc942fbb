package io.incidenttimeline.api.console.declare;

import io.incidenttimeline.api.console.forms.ConsoleCommands;
import io.incidenttimeline.api.console.forms.FormProblems;
import io.incidenttimeline.api.http.command.IncidentRequests;
import io.incidenttimeline.api.template.Templates;
import io.incidenttimeline.core.template.Placeholders;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.core.shared.WireEnum;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The declare form's input as typed, kept to show the form again, and its reading into the API's request
 * ({@link IncidentRequests.Declare}). A component's status comes in as {@code component.<id>}; an empty one means
 * not affected. Regions are separated by commas or lines.
 */
public record DeclarationForm(String title, String impact, String status, String message, String visibility, String locale,
                       String regions, String nextUpdateInMinutes, Map<String, String> components, String template,
                       String formKey) {

    static final String COMPONENT = "component.";
    /** The API's names of the fields this form shows. */
    static final Set<String> FIELDS = Set.of("title", "impact", "status", "message", "visibility", "locale", "regions",
            "nextUpdateInMinutes", "components");

    static DeclarationForm blank() {
        return new DeclarationForm("", null, IncidentStatus.INVESTIGATING.wire(), "", null, "en", "", "30", Map.of(),
                "", ConsoleCommands.newFormKey());
    }

    /** The form as a template fills it in; the free placeholders it leaves are the person's to replace. */
    static DeclarationForm of(Templates.Filled template) {
        Map<String, String> components = new LinkedHashMap<>();
        template.components().forEach((id, status) -> components.put(id, status.wire()));
        return new DeclarationForm(template.title(), wire(template.impact()),
                template.status() == null ? IncidentStatus.INVESTIGATING.wire() : template.status().wire(),
                template.message(), wire(template.visibility()), template.locale(), "",
                template.nextUpdateInMinutes() == null ? "" : template.nextUpdateInMinutes().toString(), components,
                template.name(), ConsoleCommands.newFormKey());
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wire();
    }

    static DeclarationForm of(MultiValueMap<String, String> fields) {
        Map<String, String> components = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith(COMPONENT) && !values.isEmpty() && !values.get(0).isBlank()) {
                components.put(name.substring(COMPONENT.length()), values.get(0));
            }
        });
        return new DeclarationForm(text(fields, "title"), text(fields, "impact"), text(fields, "status"),
                text(fields, "message"), text(fields, "visibility"), text(fields, "locale"), text(fields, "regions"),
                text(fields, "nextUpdateInMinutes"), components, text(fields, "template"),
                fields.getFirst(ConsoleCommands.FORM_KEY));
    }

    /** The same input under a new form key, to be shown again after a refusal (which the old key keeps). */
    DeclarationForm again() {
        return new DeclarationForm(title, impact, status, message, visibility, locale, regions, nextUpdateInMinutes,
                components, template, ConsoleCommands.newFormKey());
    }

    /** The status picked for a component, or "" when it is not affected. */
    public String componentStatus(String componentId) {
        return components.getOrDefault(componentId, "");
    }

    /** The API's request, or the problems of values that are not even of the right kind (the domain checks the rest). */
    IncidentRequests.Declare request(FormProblems problems) {
        if (!template.isBlank()) {
            // what a template left to the person is never published as it stands
            leftOver("title", title, problems);
            leftOver("message", message, problems);
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
        List<String> regionList = Arrays.stream(regions.split("[,\\n]")).map(String::strip).filter(r -> !r.isEmpty())
                .toList();
        return new IncidentRequests.Declare(null, title, locale.isBlank() ? null : locale.strip(),
                choice(Impact.class, "impact", impact, problems), choice(IncidentStatus.class, "status", status, problems),
                message, choice(Visibility.class, "visibility", visibility, problems),
                statuses.isEmpty() ? null : statuses, regionList.isEmpty() ? null : regionList, null, minutes, null, null,
                null);
    }

    private static void leftOver(String field, String text, FormProblems problems) {
        Set<String> left = Placeholders.left(text);
        if (!left.isEmpty()) {
            problems.add(field, "Replace " + String.join(", ", left.stream().map(n -> "{" + n + "}").toList())
                    + " with what the template leaves to you.");
        }
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
