package io.incidenttimeline.api.http.command;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An {@code If-Match} header as RFC 9110 (13.1.1) reads it: {@code *}, or a list of entity tags, compared strongly
 * (a weak tag {@code W/"7"} never matches, and tags are compared character by character).
 */
record IfMatch(boolean any, Set<String> strongTags) {

    private static final String ETAGC = "[\\x21\\x23-\\x7e\\x80-\\xff]*";
    private static final String TAG = "(?:W/)?\"" + ETAGC + "\"";
    /** RFC 9110's {@code 1#entity-tag}: empty list elements are allowed, an empty list is not. */
    private static final Pattern LIST = Pattern.compile("(?:,[ \\t]*)*" + TAG + "(?:[ \\t]*,(?:[ \\t]*" + TAG + ")?)*");
    private static final Pattern ONE = Pattern.compile("(W/)?\"(" + ETAGC + ")\"");

    static IfMatch parse(String header) {
        String value = header.strip();
        if (value.equals("*")) {
            return new IfMatch(true, Set.of());
        }
        if (!LIST.matcher(value).matches()) {
            throw invalid();
        }
        Set<String> strong = new LinkedHashSet<>();
        for (Matcher tag = ONE.matcher(value); tag.find(); ) {
            if (tag.group(1) == null) {
                strong.add(tag.group(2));
            }
        }
        return new IfMatch(false, Set.copyOf(strong));
    }

    boolean matches(long version) {
        return any || strongTags.contains(Long.toString(version));
    }

    private static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-if-match", HttpHeaders.IF_MATCH,
                "If-Match must be * or a list of ETags of the incident, such as \"7\" or \"7\", \"8\" (W/ tags never match)");
    }
}
