package io.incidenttimeline.api.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ConsoleClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the incident page as a browser would: the hidden fields its forms carry, a section of it. */
final class ConsoleIncidentPages {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern SEEN = Pattern.compile("name=\"seenUpdates\" value=\"([^\"]*)\"");

    private ConsoleIncidentPages() {
    }

    /** {@code fields} with the version and seen updates the page's forms carry, as submitting one of them sends. */
    static ConsoleClient.Form stamped(ConsoleClient.Page page, String... fields) {
        ConsoleClient.Form form = ConsoleClient.Form.of(fields);
        return form.add("version", first(VERSION, page.body())).add("seenUpdates", first(SEEN, page.body()));
    }

    static long version(ConsoleClient.Page page) {
        return Long.parseLong(first(VERSION, page.body()));
    }

    /** The page from the element with {@code id} to the end of that section (the next {@code </section>}). */
    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("an element with id " + id + " in\n" + page).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** The timeline entry of update {@code updateId}. */
    static String entry(String page, String updateId) {
        int start = page.indexOf("data-update=\"" + updateId + "\"");
        assertThat(start).as("update " + updateId + " on the timeline of\n" + page).isNotNegative();
        int next = page.indexOf("data-update=\"", start + 1);
        return page.substring(start, next > 0 ? next : page.indexOf("</section>", start));
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("a form field " + pattern + " in\n" + body).isTrue();
        return matcher.group(1);
    }
}
