package io.incidenttimeline.core.accesstoken;

import io.incidenttimeline.core.shared.CommandRejected;
import java.util.regex.Pattern;

/**
 * The name of a personal token: who holds it, as the audit trail shows it on every event the token causes. Short and
 * slug-like, so that it reads the same in a log line, a URL and a metadata field.
 */
public final class TokenName {

    public static final int MAX = 63;
    public static final String RULE = "1-" + MAX + " characters of lower-case letters a-z, digits and '-', starting "
            + "with a letter and not ending with '-' (such as alice or oncall-bot-2)";
    public static final String PATTERN = "^[a-z](?:[a-z0-9-]{0," + (MAX - 2) + "}[a-z0-9])?$";
    private static final Pattern NAME = Pattern.compile(PATTERN);

    private TokenName() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The name, or a refusal naming the field {@code name} and the rule. */
    public static String checked(String name) {
        if (name == null) {
            throw CommandRejected.invalid("name", "value-required", "name is required: " + RULE);
        }
        if (!isValid(name)) {
            throw CommandRejected.invalid("name", "invalid-token-name", "name must be " + RULE);
        }
        return name;
    }
}
