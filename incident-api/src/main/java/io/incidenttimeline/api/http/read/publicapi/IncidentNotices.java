package io.incidenttimeline.api.http.read.publicapi;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The notices a localized incident carries, in the status page's words ({@code statuspage/messages*.properties}) for
 * the language shown, so the public JSON says what the HTML page says.
 */
@Component
public class IncidentNotices {

    /** The languages the page's own words exist in; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private final MessageSource messages;

    public IncidentNotices(MessageSource messages) {
        this.messages = messages;
    }

    /** The language of the notices for content shown in {@code contentLanguage}. */
    public static Locale wordsFor(String contentLanguage) {
        String language = Locale.forLanguageTag(contentLanguage).getLanguage();
        return Locale.forLanguageTag(LANGUAGES.contains(language) ? language : LANGUAGES.get(0));
    }

    /** A machine translation into {@code shown} is shown; the {@code authoritative} original prevails. */
    String machineTranslated(String shown, String authoritative) {
        return notice("incident.disclaimer", shown, authoritative);
    }

    /** Texts changed since their translation into {@code shown} are shown in the {@code authoritative} original. */
    String outdated(String shown, String authoritative) {
        return notice("incident.translation.outdated", shown, authoritative);
    }

    private String notice(String key, String shown, String authoritative) {
        Locale words = wordsFor(shown);
        return messages.getMessage(key, new Object[] {name(shown, words), name(authoritative, words)}, words);
    }

    private static String name(String tag, Locale words) {
        String name = Locale.forLanguageTag(tag).getDisplayName(words);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(words) + name.substring(1);
    }
}
