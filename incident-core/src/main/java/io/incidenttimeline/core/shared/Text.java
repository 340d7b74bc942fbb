package io.incidenttimeline.core.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** Length and character rules for the free texts and identifiers that commands carry. */
public final class Text {

    public static final int TITLE_MAX = 200;
    public static final int MESSAGE_MAX = 10_000;
    public static final int REASON_MAX = 1_000;
    public static final int NAME_MAX = 200;
    public static final int ID_MAX = 128;

    /**
     * Ids appear in public URLs and documents, so two of them never differ only in letter case or in a trailing
     * separator ({@code RT-X} and {@code rt-x}, {@code x.} and {@code x}): lower-case letters, digits, '.', '_' and
     * '-', starting and ending with a letter or digit.
     */
    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0," + (ID_MAX - 2) + "}[a-z0-9])?");
    public static final String ID_RULE = "1-" + ID_MAX + " characters of lower-case letters a-z, digits, '.', '_' or '-',"
            + " starting and ending with a letter or digit";
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
        if (hasUnpairedSurrogate(value)) {
            throw CommandRejected.invalid(field, "text-unpaired-surrogate",
                    field + " contains an unpaired UTF-16 surrogate, which is no character; send valid Unicode text");
        }
        return value;
    }

    public static String id(String field, String value) {
        if (!isId(value)) {
            throw CommandRejected.invalid(field, "invalid-id", field + " must be " + ID_RULE);
        }
        return value;
    }

    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** Each element of a list that may be absent, checked by {@code check} under the field {@code field[i]}. */
    public static List<String> each(String field, List<String> values, BiFunction<String, String, String> check) {
        if (values == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            checked.add(check.apply(field + "[" + i + "]", values.get(i)));
        }
        return List.copyOf(checked);
    }

    private static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
