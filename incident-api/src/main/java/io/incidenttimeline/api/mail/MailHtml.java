package io.incidenttimeline.api.mail;

/** Text made safe inside the HTML part of a mail: element content and quoted attributes. */
public final class MailHtml {

    private MailHtml() {
    }

    /** Spring's HtmlUtils would do, but it is web code, and only the HTTP edge knows the web. */
    public static String escape(String content) {
        StringBuilder escaped = new StringBuilder(content.length() + 16);
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
