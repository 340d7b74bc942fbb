package io.incidenttimeline.core.shared;

import java.util.regex.Pattern;

/** Length and character rules for the free texts and identifiers that commands carry. */
public final class Text {

    public static final int TITLE_MAX = 200;
    public static final int MESSAGE_MAX = 10_000;
    public static final int REASON_MAX = 1_000;
    public static final int NAME_MAX = 200;
    public static final int ID_MAX = 128;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (ID_MAX - 1) + "}");
    // C0/C1 control characters other than tab, line feed and carriage return have no place in human text.
    private static final Pattern FORBIDDEN_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private Text() {
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw CommandRejected.invalid(field, "text-required", field + " is required and may not be blank");
        }
        return checkedLength(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        return value == null ? null : required(field, value, max);
    }

    private static String checkedLength(String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw CommandRejected.invalid(field, "text-too-long",
                    field + " is " + length + " characters long; at most " + max + " are allowed");
        }
        if (FORBIDDEN_CONTROL.matcher(value).find()) {
            throw CommandRejected.invalid(field, "text-control-characters",
                    field + " contains control characters; only tab, line feed and carriage return are allowed");
        }
        return value;
    }

    public static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw CommandRejected.invalid(field, "invalid-id", field + " must be 1-" + ID_MAX
                    + " characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }
}
