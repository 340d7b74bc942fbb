package io.incidenttimeline.api.console.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of one form as the person submitted them, kept to show them again when the command is refused. Field
 * names are the API's body fields, so a refusal naming a field lands next to that field.
 *
 * @param name which form of the page this is, such as {@code update} or {@code amend-upd-3}
 */
record SubmittedForm(String name, Map<String, String> values) {

    static final String VERSION = "version";
    static final String SEEN_UPDATES = "seenUpdates";

    static SubmittedForm of(String name, Map<String, List<String>> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((field, given) -> {
            if (!field.equals("_csrf") && !given.isEmpty()) {
                values.put(field, given.get(0));
            }
        });
        return new SubmittedForm(name, values);
    }

    /** As typed, "" when absent. */
    String raw(String field) {
        return values.getOrDefault(field, "");
    }

    /** The text given, or null when the field is absent or blank (an optional field left empty). */
    String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    boolean checked(String field) {
        return values.containsKey(field);
    }

    /** The incident version the page was rendered at: the ETag its commands expect. */
    long version() {
        String value = text(VERSION);
        try {
            if (value != null && Long.parseLong(value) >= 0) {
                return Long.parseLong(value);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FormProblem(VERSION, "the form lost the incident's version; open the incident again");
    }

    /** The ids of the updates the page showed when it was rendered. */
    List<String> seenUpdates() {
        String value = text(SEEN_UPDATES);
        return value == null ? List.of() : Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).toList();
    }

    Integer minutes(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new FormProblem(field, "a whole number of minutes, such as 30");
        }
    }

    /** A date and time the form states in UTC, as a {@code datetime-local} input sends it. */
    Instant utc(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new FormProblem(field, "a date and time in UTC, such as 2024-07-05T10:54");
        }
    }

    LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new FormProblem(field, "a date such as 2024-07-31");
        }
    }

    /** One of the wire names {@code parse} knows, or null when left empty. */
    <E> E choice(String field, Function<String, E> parse) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new FormProblem(field, e.getMessage());
        }
    }

    /** The non-empty fields named {@code prefix.key}, by key: {@code components.api} -> {@code api}. */
    Map<String, String> group(String prefix) {
        Map<String, String> group = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (field.startsWith(prefix + ".") && !value.isBlank()) {
                group.put(field.substring(prefix.length() + 1), value);
            }
        });
        return group;
    }
}
