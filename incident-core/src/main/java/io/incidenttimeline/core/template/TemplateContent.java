package io.incidenttimeline.core.template;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.util.Map;

/**
 * What a template fills in, all of it optional but the texts: the texts per language ({@code defaultLocale} among
 * them), and the impact (declarations only), status, visibility, component statuses and next-update promise a
 * declaration or an update takes unless the request gives its own.
 */
public record TemplateContent(String defaultLocale, Map<String, TemplateText> texts, Impact impact,
                              IncidentStatus status, Visibility visibility, Map<String, ComponentStatus> components,
                              Integer nextUpdateInMinutes) {

    /** The text in {@code locale}, else in its language (de for de-CH), else in the default language. */
    public Map.Entry<String, TemplateText> textFor(String locale) {
        if (locale != null) {
            if (texts.containsKey(locale)) {
                return Map.entry(locale, texts.get(locale));
            }
            int dash = locale.indexOf('-');
            String language = dash < 0 ? locale : locale.substring(0, dash);
            if (texts.containsKey(language)) {
                return Map.entry(language, texts.get(language));
            }
        }
        return Map.entry(defaultLocale, texts.get(defaultLocale));
    }
}
