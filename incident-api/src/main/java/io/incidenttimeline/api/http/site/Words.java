package io.incidenttimeline.api.http.site;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The page's own words in one language ({@code statuspage/messages*.properties}), for texts built in Java. */
record Words(MessageSource messages, Locale locale) {

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The name of a language in that language, capitalised: Deutsch, English. */
    static String languageName(String tag) {
        Locale language = Locale.forLanguageTag(tag);
        String name = language.getDisplayName(language);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    /** The name of a language in this language: Englisch, English. */
    String languageNameHere(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
