package io.incidenttimeline.api.notification;

import io.incidenttimeline.api.mail.MailHtml;
import io.incidenttimeline.api.mail.OutgoingMail;
import io.incidenttimeline.api.subscription.EmailSubscriber;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicPostMortem;
import io.incidenttimeline.projections.publicview.PublicTranslation;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Writes one subscriber's mail about one {@link MailNotice}, as text and HTML saying the same. Texts are in the
 * subscriber's language where the incident has a translation into it, with the page's rules ("Translations readers can
 * trust"): a text whose translation is outdated is given in the original, and the page's notices say so and say when a
 * machine translation is shown, in the language shown. The mail's own words are in the subscriber's language (English
 * or German; others get English). Every time is given in UTC and, when it differs, in the subscriber's zone.
 */
public final class MailComposer {

    /** The languages the mails' own words exist in; the first is the fallback. */
    static final List<String> LANGUAGES = List.of("en", "de");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private final String pageName;
    private final String pageBase;
    private final ResourceBundleMessageSource words;

    /** @param pageBase the page's address without a trailing slash */
    public MailComposer(String pageName, String pageBase) {
        this.pageName = pageName;
        this.pageBase = pageBase;
        this.words = new ResourceBundleMessageSource();
        words.setBasenames("notification/mail", "statuspage/messages");
        words.setDefaultEncoding(StandardCharsets.UTF_8.name());
        words.setFallbackToSystemLocale(false);
    }

    /** The subscriber's mail about the notice, with the headers RFC 8058 one-click unsubscribing needs. */
    public OutgoingMail compose(MailNotice notice, EmailSubscriber subscriber, Map<String, PublicComponent> catalogue,
                                URI manage, URI unsubscribe) {
        Body body = new Body(wordsFor(subscriber.locale()), zone(subscriber.zone()));
        String subject = notice.kind().maintenance() ? maintenance(notice, body, catalogue)
                : incident(notice, subscriber, body, catalogue);
        String page = pageLink(pageBase, notice);
        body.line(word(body.words, "mail.view") + ": " + page, link(word(body.words, "mail.view"), page));
        body.footer(word(body.words, "mail.footer", pageName), manage, unsubscribe,
                word(body.words, "mail.manage"), word(body.words, "mail.unsubscribe"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Content-Language", body.contentLanguage == null ? body.words.toLanguageTag() : body.contentLanguage);
        return new OutgoingMail(notice.mailKey(subscriber.id()), subscriber.id(), subscriber.email(), subject,
                body.text(), body.html(body.contentLanguage == null ? body.words.toLanguageTag() : body.contentLanguage),
                headers);
    }

    private String incident(MailNotice notice, EmailSubscriber subscriber, Body body,
                            Map<String, PublicComponent> catalogue) {
        PublicIncident incident = notice.incident();
        String shown = choose(subscriber.locale(), incident);
        PublicTranslation translation = shown.equals(incident.locale()) ? null : incident.translations().get(shown);
        Texts texts = new Texts(translation, shown, incident.locale());
        String title = texts.pick(incident.title(), translation == null ? null : translation.title());
        String status = incident.status() == null ? "" : word(body.words, "status." + incident.status().wire());
        body.contentLanguage = shown;
        body.heading(title, texts.lang(translation == null ? null : translation.title()));
        body.paragraph(word(body.words, "mail.kind." + notice.kind().name()), null);
        if (incident.status() != null) {
            body.line(word(body.words, "incident.status") + ": " + status, null);
            body.line(word(body.words, "incident.impact") + ": " + word(body.words, "impact." + incident.impact().wire()),
                    null);
        }
        List<String> components = new ArrayList<>();
        incident.components().forEach((id, componentStatus) -> components.add(name(catalogue, id) + " ("
                + word(body.words, "component." + componentStatus.wire()) + ")"));
        if (!components.isEmpty()) {
            body.line(word(body.words, "incident.components") + ": " + String.join(", ", components), null);
        }
        switch (notice.kind()) {
            case CORRECTION_RETRACTED -> body.paragraph(word(body.words, "mail.withdrawn",
                    body.time(notice.corrected().occurredAt())), null);
            case POST_MORTEM_PUBLISHED -> postMortem(incident.postMortem(), translation, texts, body);
            default -> {
                PublicUpdate update = incident.update(notice.updateId());
                update(update, texts, body);
            }
        }
        List<PublicUpdate> earlier = incident.updatesNewestFirst().stream()
                .filter(u -> !u.id().equals(notice.updateId())).toList();
        if (!earlier.isEmpty() && notice.kind() != MailNotice.Kind.POST_MORTEM_PUBLISHED) {
            body.subheading(word(body.words, "mail.earlier"));
            earlier.forEach(u -> update(u, texts, body));
        }
        texts.notices(body, this);
        String key = notice.kind().correction() ? "mail.subject.correction"
                : notice.kind() == MailNotice.Kind.POST_MORTEM_PUBLISHED ? "mail.subject.postmortem"
                : "mail.subject.incident";
        return word(body.words, key, pageName, title, status);
    }

    private void update(PublicUpdate update, Texts texts, Body body) {
        String translated = texts.update(update);
        body.subheading(word(body.words, "status." + update.status().wire()) + " \u2013 " + body.time(update.occurredAt()));
        body.paragraph(texts.pick(update.message(), translated), texts.lang(translated));
    }

    private void postMortem(PublicPostMortem postMortem, PublicTranslation t, Texts texts, Body body) {
        body.subheading(word(body.words, "incident.postmortem") + " \u2013 " + body.time(postMortem.publishedAt()));
        section(body, texts, "incident.postmortem.summary", postMortem.summary(), t == null ? null : t.postMortemSummary());
        section(body, texts, "incident.postmortem.rootCause", postMortem.rootCause(),
                t == null ? null : t.postMortemRootCause());
        section(body, texts, "incident.postmortem.resolution", postMortem.resolution(),
                t == null ? null : t.postMortemResolution());
        if (!postMortem.remediation().isEmpty()) {
            body.line(word(body.words, "incident.postmortem.remediation") + ":", null);
            postMortem.remediation().forEach(item -> body.line("- " + item.title() + " ("
                    + word(body.words, item.completed() ? "incident.remediation.done" : "incident.remediation.open")
                    + ")", null));
        }
    }

    private void section(Body body, Texts texts, String label, String original, String translated) {
        if (original != null) {
            body.line(word(body.words, label) + ":", null);
            body.paragraph(texts.pick(original, translated), texts.lang(translated));
        }
    }

    private String maintenance(MailNotice notice, Body body, Map<String, PublicComponent> catalogue) {
        PublicMaintenance maintenance = notice.maintenance();
        String status = word(body.words, "mail.maintenance." + maintenance.status().wire());
        body.heading(maintenance.title(), null);
        body.paragraph(word(body.words, "mail.kind." + notice.kind().name()), null);
        body.line(word(body.words, "incident.status") + ": " + status, null);
        body.line(word(body.words, "mail.maintenance.window") + ": " + body.time(maintenance.scheduledFor()) + " \u2013 "
                + body.time(maintenance.scheduledUntil()), null);
        body.line(word(body.words, "mail.maintenance.components") + ": " + String.join(", ",
                maintenance.components().stream().map(id -> name(catalogue, id)).toList()), null);
        maintenance.updatesNewestFirst().stream().filter(u -> u.id().equals(notice.updateId())).findFirst()
                .ifPresent(u -> {
                    body.subheading(status + " \u2013 " + body.time(u.occurredAt()));
                    body.paragraph(u.message(), null);
                });
        return word(body.words, "mail.subject.maintenance", pageName, maintenance.title(), status);
    }

    private static String name(Map<String, PublicComponent> catalogue, String componentId) {
        PublicComponent component = catalogue.get(componentId);
        return component == null ? componentId : component.name();
    }

    /** Which of the incident's languages (the original or a translation) the subscriber reads it in. */
    static String choose(String wanted, PublicIncident incident) {
        List<String> available = new ArrayList<>();
        available.add(incident.locale());
        incident.translations().keySet().stream().sorted().forEach(available::add);
        if (wanted == null) {
            return incident.locale();
        }
        for (String candidate : available) {
            if (candidate.equalsIgnoreCase(wanted)) {
                return candidate;
            }
        }
        String language = wanted.split("-")[0];
        for (String candidate : available) {
            if (candidate.split("-")[0].equalsIgnoreCase(language)) {
                return candidate;
            }
        }
        return incident.locale();
    }

    static Locale wordsFor(String tag) {
        String language = tag == null ? "" : Locale.forLanguageTag(tag).getLanguage();
        return Locale.forLanguageTag(LANGUAGES.contains(language) ? language : LANGUAGES.get(0));
    }

    private static ZoneId zone(String zone) {
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    String word(Locale language, String key, Object... arguments) {
        return words.getMessage(key, arguments, language);
    }

    private String languageName(String tag, Locale language) {
        String name = Locale.forLanguageTag(tag).getDisplayName(language);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    private static String link(String label, String url) {
        return "<a href=\"" + escape(url) + "\">" + escape(label) + "</a>";
    }

    /** Picks translated texts where current ones exist, remembering what the notices must say. */
    private static final class Texts {

        private final PublicTranslation translation;
        private final String shown;
        private final String original;
        private boolean machineShown;
        private boolean originalShown;

        Texts(PublicTranslation translation, String shown, String original) {
            this.translation = translation;
            this.shown = shown;
            this.original = original;
        }

        String update(PublicUpdate update) {
            return translation == null ? null : translation.updates().get(update.id());
        }

        String pick(String originalText, String translated) {
            if (translated == null) {
                originalShown |= translation != null;
                return originalText;
            }
            machineShown |= translation.machineTranslated();
            return translated;
        }

        /** The language of a text shown, when it is not the mail's (the original inside a translated mail). */
        String lang(String translated) {
            return translation != null && translated == null ? original : null;
        }

        void notices(Body body, MailComposer composer) {
            if (translation == null) {
                return;
            }
            Locale words = wordsFor(shown);
            String shownName = composer.languageName(shown, words);
            String originalName = composer.languageName(original, words);
            if (machineShown) {
                body.notice(composer.word(words, "incident.disclaimer.title"),
                        composer.word(words, "incident.disclaimer", shownName, originalName));
            }
            if (originalShown && (!translation.outdatedUpdates().isEmpty() || !translation.outdatedPostMortem().isEmpty())) {
                body.notice(composer.word(words, "incident.disclaimer.title"),
                        composer.word(words, "incident.translation.outdated", shownName, originalName));
            }
        }
    }

    /** The mail's text and HTML, written side by side. */
    private static final class Body {

        private final Locale words;
        private final ZoneId zone;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private String contentLanguage;

        Body(Locale words, ZoneId zone) {
            this.words = words;
            this.zone = zone;
        }

        String time(Instant at) {
            if (at == null) {
                return "";
            }
            String utc = UTC.format(at);
            return zone.normalized().equals(ZoneOffset.UTC) ? utc : utc + " (" + LOCAL.format(at.atZone(zone)) + ")";
        }

        void heading(String title, String lang) {
            text.append(title).append("\n").append("=".repeat(Math.min(title.length(), 72))).append("\n\n");
            html.append("<h1").append(lang(lang)).append(">").append(escape(title)).append("</h1>\n");
        }

        void subheading(String title) {
            text.append("\n").append(title).append("\n").append("-".repeat(Math.min(title.length(), 72))).append("\n");
            html.append("<h2>").append(escape(title)).append("</h2>\n");
        }

        void paragraph(String content, String lang) {
            text.append(content).append("\n\n");
            html.append("<p").append(lang(lang)).append(">").append(escape(content).replace("\n", "<br>\n"))
                    .append("</p>\n");
        }

        void line(String content, String htmlContent) {
            text.append(content).append("\n");
            html.append("<p>").append(htmlContent == null ? escape(content) : htmlContent).append("</p>\n");
        }

        void notice(String title, String content) {
            text.append("\n").append(title).append(": ").append(content).append("\n");
            html.append("<p class=\"notice\"><strong>").append(escape(title)).append(":</strong> ")
                    .append(escape(content)).append("</p>\n");
        }

        void footer(String why, URI manage, URI unsubscribe, String manageLabel, String unsubscribeLabel) {
            text.append("\n-- \n").append(why).append("\n").append(manageLabel).append(": ").append(manage).append("\n")
                    .append(unsubscribeLabel).append(": ").append(unsubscribe).append("\n");
            html.append("<hr>\n<p>").append(escape(why)).append("<br>\n").append(link(manageLabel, manage.toString()))
                    .append(" \u00b7 ").append(link(unsubscribeLabel, unsubscribe.toString())).append("</p>\n");
        }

        String text() {
            return text.toString();
        }

        String html(String language) {
            return "<!DOCTYPE html>\n<html lang=\"" + escape(language) + "\">\n<head><meta charset=\"utf-8\"></head>\n"
                    + "<body>\n" + html + "</body>\n</html>\n";
        }

        private static String lang(String lang) {
            return lang == null ? "" : " lang=\"" + escape(lang) + "\"";
        }

        private static String escape(String content) {
            return MailComposer.escape(content);
        }
    }

    static String escape(String content) {
        return MailHtml.escape(content);
    }

    /** The page's address for the notice: the incident's page, or the page itself for a maintenance. */
    static String pageLink(String base, MailNotice notice) {
        return notice.incident() == null ? base + "/"
                : base + "/incidents/" + URLEncoder.encode(notice.incident().id(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
