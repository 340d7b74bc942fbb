package io.incidenttimeline.api.http.site;

import org.springframework.web.util.HtmlUtils;

/**
 * A status badge as an SVG image, shields.io-style: a grey label ("Status", a component's name) and the status in
 * its colour from the page's palette. Accessible: {@code role="img"}, an {@code aria-label} and a {@code <title>}
 * with the whole text. The text widths are estimated (no font is measured on the server): generous for Verdana 11px.
 */
record Badge(String label, String message, String background, String ink, String labelBackground, String labelInk) {

    private static final int HEIGHT = 20;
    private static final int PADDING = 6;

    String svg() {
        int left = width(label);
        int right = width(message);
        int total = left + right;
        String text = escape(label + ": " + message);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"" + HEIGHT
                + "\" role=\"img\" aria-label=\"" + text + "\">"
                + "<title>" + text + "</title>"
                + "<rect width=\"" + left + "\" height=\"" + HEIGHT + "\" fill=\"" + labelBackground + "\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"" + HEIGHT + "\" fill=\"" + background + "\"/>"
                + "<g font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">"
                + "<text x=\"" + left / 2.0 + "\" y=\"14\" fill=\"" + labelInk + "\">" + escape(label) + "</text>"
                + "<text x=\"" + (left + right / 2.0) + "\" y=\"14\" fill=\"" + ink + "\">" + escape(message) + "</text>"
                + "</g></svg>";
    }

    /** About 7 px a character in Verdana 11px (wide letters included), plus padding on both sides. */
    static int width(String text) {
        return text.codePointCount(0, text.length()) * 7 + 2 * PADDING;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
