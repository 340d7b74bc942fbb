package io.incidenttimeline.core.shared;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Validates and normalises BCP 47 language tags, such as {@code en}, {@code de} or {@code pt-BR}. */
public final class LanguageTag {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private LanguageTag() {
    }

    /** Returns the tag in its canonical case, or refuses it naming {@code field}. */
    public static String normalise(String field, String tag) {
        if (tag == null || tag.isBlank()) {
            throw CommandRejected.invalid(field, "locale-required", field + " is required (a BCP 47 tag such as en or de-CH)");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            throw invalid(field, tag);
        }
        String language = locale.getLanguage();
        boolean knownLanguage = language.length() == 2 ? LANGUAGES.contains(language) : language.length() == 3;
        String region = locale.getCountry();
        boolean knownRegion = region.isEmpty() || REGIONS.contains(region) || region.matches("\\d{3}");
        if (!knownLanguage || !knownRegion) {
            throw invalid(field, tag);
        }
        return locale.toLanguageTag();
    }

    private static CommandRejected invalid(String field, String tag) {
        return CommandRejected.invalid(field, "invalid-locale",
                "'" + tag + "' is not a valid BCP 47 language tag (for example en, de or pt-BR)");
    }
}
