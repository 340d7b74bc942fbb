package io.incidenttimeline.core.template;

import io.incidenttimeline.core.shared.CommandRejected;
import java.util.regex.Pattern;

/**
 * The name of a template, which is its id: responders pick it in the console and name it in the API, so it reads the
 * same in a URL, a form and the audit trail.
 */
public final class TemplateName {

    public static final int MAX = 63;
    public static final String RULE = "1-" + MAX + " characters of lower-case letters a-z, digits and '-', starting "
            + "with a letter and not ending with '-' (such as database-degraded or monitoring-fix)";
    public static final String PATTERN = "^[a-z](?:[a-z0-9-]{0," + (MAX - 2) + "}[a-z0-9])?$";
    private static final Pattern NAME = Pattern.compile(PATTERN);

    private TemplateName() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The name, or a refusal naming {@code field} and the rule. */
    public static String checked(String field, String name) {
        if (name == null) {
            throw CommandRejected.invalid(field, "value-required", field + " is required: " + RULE);
        }
        if (!isValid(name)) {
            throw CommandRejected.invalid(field, "invalid-template-name", field + " must be " + RULE);
        }
        return name;
    }
}
