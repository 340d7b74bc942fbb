package io.incidenttimeline.core.template;

import io.incidenttimeline.core.shared.CommandRejected;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a template's text: {@code {name}} with a name of lower-case letters, digits and '_', starting
 * with a letter. {@value #COMPONENT} and {@value #NEXT_UPDATE} are filled from the request; every other one takes a
 * value the caller gives. A brace that opens or closes no placeholder is refused, so that a typo such as
 * {@code {componnet} } or {@code {component} is never published as it stands.
 */
public final class Placeholders {

    public static final String COMPONENT = "component";
    public static final String NEXT_UPDATE = "next_update";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]{0,39})}");

    private Placeholders() {
    }

    /** The names of the placeholders in {@code text}, in order of first appearance; a stray brace is refused. */
    public static Set<String> in(String field, String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(rest, "");
        }
        matcher.appendTail(rest);
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            throw CommandRejected.invalid(field, "invalid-placeholder", field + " has a brace that is no placeholder; "
                    + "a placeholder is {name}, with lower-case letters, digits and '_', such as {component}, "
                    + "{next_update} or {eta}");
        }
        return names;
    }

    /** The placeholders {@code text} still holds, leniently: a stray brace is no placeholder here. */
    public static Set<String> left(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            PLACEHOLDER.matcher(text).results().forEach(match -> names.add(match.group(1)));
        }
        return names;
    }

    /**
     * {@code text} with every placeholder that has a value replaced by it, the others left as they stand; the values
     * are not searched again.
     */
    static String fill(String text, java.util.Map<String, String> values) {
        if (text == null) {
            return null;
        }
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                values.getOrDefault(match.group(1), match.group())));
    }
}
