package io.incidenttimeline.api.alertmanager;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{commonAnnotations.x}}}, {@code {{commonLabels.x}}} and {@code {{groupLabels.x}}} from a notification. */
final class AlertTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(commonAnnotations|commonLabels|groupLabels)\\.([A-Za-z0-9_]+)\\s*}}");

    private AlertTemplate() {
    }

    static String render(String template, AlertmanagerNotification notification) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Map<String, String> source = switch (matcher.group(1)) {
                case "commonAnnotations" -> notification.commonAnnotations();
                case "commonLabels" -> notification.commonLabels();
                default -> notification.groupLabels();
            };
            String value = source == null ? null : source.get(matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }
}
