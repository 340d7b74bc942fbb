package io.incidenttimeline.core.template;

import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.LanguageTag;
import io.incidenttimeline.core.shared.Text;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules on a template's content, named by the request's fields: texts in at least the default language, a title
 * for a declaration's text and none for an update's, well-formed placeholders, and only what the kind takes.
 */
final class TemplateRules {

    static final int NEXT_UPDATE_MAX_MINUTES = 24 * 60;

    private TemplateRules() {
    }

    /** The content with its language tags in canonical form, or a refusal naming the offending field. */
    static TemplateContent checked(TemplateKind kind, TemplateContent content) {
        if (kind == null) {
            throw CommandRejected.invalid("kind", "value-required", "kind is required: declaration or update");
        }
        if (content == null || content.texts() == null || content.texts().isEmpty()) {
            throw CommandRejected.invalid("texts", "value-required",
                    "texts is required: the title and message per language, at least in defaultLocale");
        }
        String defaultLocale = LanguageTag.normalise("defaultLocale", content.defaultLocale());
        TreeMap<String, TemplateText> texts = new TreeMap<>();
        content.texts().forEach((tag, text) -> {
            String field = "texts." + tag;
            String locale = LanguageTag.normalise(field, tag);
            if (texts.containsKey(locale)) {
                throw CommandRejected.invalid(field, "invalid-locale", field + " names the language " + locale
                        + " a second time");
            }
            texts.put(locale, checkedText(kind, field, text));
        });
        if (!texts.containsKey(defaultLocale)) {
            throw CommandRejected.invalid("texts", "default-locale-missing",
                    "texts has no text in the default language " + defaultLocale);
        }
        if (kind == TemplateKind.UPDATE && content.impact() != null) {
            throw CommandRejected.invalid("impact", "template-field-not-for-kind",
                    "impact is set when an incident is declared; an update template cannot carry it");
        }
        Integer minutes = content.nextUpdateInMinutes();
        if (minutes != null && (minutes < 1 || minutes > NEXT_UPDATE_MAX_MINUTES)) {
            throw CommandRejected.invalid("nextUpdateInMinutes", "next-update-out-of-range",
                    "nextUpdateInMinutes must be between 1 and " + NEXT_UPDATE_MAX_MINUTES);
        }
        if (minutes != null && content.status() == IncidentStatus.RESOLVED) {
            throw CommandRejected.invalid("nextUpdateInMinutes", "next-update-after-resolution",
                    "a resolved update promises no next update");
        }
        TreeMap<String, ComponentStatus> components = new TreeMap<>();
        if (content.components() != null) {
            content.components().forEach((id, status) -> {
                Text.id("components", id);
                if (status == null) {
                    throw CommandRejected.invalid("components." + id, "value-required",
                            "components." + id + " needs a status");
                }
                components.put(id, status);
            });
        }
        return new TemplateContent(defaultLocale, Collections.unmodifiableSortedMap(texts), content.impact(),
                content.status(), content.visibility(), Collections.unmodifiableSortedMap(components), minutes);
    }

    private static TemplateText checkedText(TemplateKind kind, String field, TemplateText text) {
        if (text == null) {
            throw CommandRejected.invalid(field, "value-required", field + " needs a message");
        }
        String title = null;
        if (kind == TemplateKind.DECLARATION) {
            title = Text.required(field + ".title", text.title(), Text.TITLE_MAX);
            Placeholders.in(field + ".title", title);
        } else if (text.title() != null) {
            throw CommandRejected.invalid(field + ".title", "template-field-not-for-kind",
                    "an update has no title; only a declaration template's texts carry one");
        }
        String message = Text.required(field + ".message", text.message(), Text.MESSAGE_MAX);
        Placeholders.in(field + ".message", message);
        return new TemplateText(title, message);
    }
}
