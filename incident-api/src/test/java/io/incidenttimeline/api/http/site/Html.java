package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Assertions on the HTML pages, read as a browser gets them. */
final class Html {

    private Html() {
    }

    /** A 200 HTML page with the security headers every page carries. */
    static String page(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertHtml(response);
        return response.body();
    }

    static void assertHtml(ApiClient.Response response) {
        assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'self'; "
                + "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(response.raw().headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("style=\"");
    }

    /** The text of a piece of HTML as a reader sees it: tags removed, white space collapsed (entities kept). */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    /** The texts of the elements whose opening tag matches {@code openingTag}, in document order, tags removed. */
    static List<String> texts(String html, String openingTag, String closingTag) {
        Matcher matcher = Pattern.compile("(?s)" + openingTag + "(.*?)" + closingTag).matcher(html);
        List<String> texts = new ArrayList<>();
        while (matcher.find()) {
            texts.add(matcher.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip());
        }
        return texts;
    }

    /** The part of the page between the opening tag that contains {@code marker} and the next {@code end}. */
    static String section(String html, String marker, String end) {
        int start = html.indexOf(marker);
        assertThat(start).as("'" + marker + "' on the page").isNotNegative();
        int stop = html.indexOf(end, start + marker.length());
        return html.substring(start, stop < 0 ? html.length() : stop);
    }
}
