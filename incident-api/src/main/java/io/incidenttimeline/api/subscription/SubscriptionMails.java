package io.incidenttimeline.api.subscription;

import io.incidenttimeline.api.mail.MailHtml;
import io.incidenttimeline.api.mail.OutgoingMail;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mails the subscription itself sends: the confirmation (the only mail a pending address ever gets) and, when an
 * address already subscribed asks again, a note with its manage link. English, or German for a German locale; every
 * one carries the manage link and RFC 8058 one-click unsubscribe headers.
 */
final class SubscriptionMails {

    private SubscriptionMails() {
    }

    static OutgoingMail confirmation(String pageName, Subscription subscription, URI confirm, URI manage,
                                     URI unsubscribe) {
        boolean de = german(subscription.locale());
        String subject = de ? "Bitte bestätigen Sie Ihr Abonnement von " + pageName
                : "Confirm your subscription to " + pageName;
        String text = de
                ? "Jemand – hoffentlich Sie – möchte Meldungen von " + pageName + " per E-Mail erhalten.\n\n"
                + "Zum Bestätigen öffnen Sie diesen Link:\n" + confirm + "\n\n"
                + "Vorher senden wir nichts weiter. Waren Sie es nicht, ignorieren Sie diese Nachricht.\n\n"
                + "Abonnement verwalten: " + manage + "\nAbbestellen: " + unsubscribe + "\n"
                : "Someone, hopefully you, asked to get " + pageName + " updates by email.\n\n"
                + "To confirm, open this link:\n" + confirm + "\n\n"
                + "Nothing else is sent until you do. If it was not you, ignore this mail.\n\n"
                + "Manage the subscription: " + manage + "\nUnsubscribe: " + unsubscribe + "\n";
        String html = page(de ? "Abonnement bestätigen" : "Confirm your subscription",
                "<p>" + MailHtml.escape(de ? "Jemand – hoffentlich Sie – möchte Meldungen von " + pageName
                        + " per E-Mail erhalten." : "Someone, hopefully you, asked to get " + pageName
                        + " updates by email.") + "</p>"
                        + "<p><a href=\"" + MailHtml.escape(confirm.toString()) + "\">"
                        + MailHtml.escape(de ? "Abonnement bestätigen" : "Confirm the subscription") + "</a></p>"
                        + "<p>" + MailHtml.escape(de ? "Vorher senden wir nichts weiter. Waren Sie es nicht, ignorieren Sie "
                        + "diese Nachricht." : "Nothing else is sent until you do. If it was not you, ignore this "
                        + "mail.") + "</p>", manage, unsubscribe, de);
        return new OutgoingMail("confirm:" + subscription.id() + ":" + subscription.confirmationNonce(),
                subscription.id(), subscription.email(), subject, text, html, headers(unsubscribe));
    }

    static OutgoingMail alreadySubscribed(String pageName, Subscription subscription, String occasion, URI manage,
                                          URI unsubscribe) {
        boolean de = german(subscription.locale());
        String subject = de ? "Sie haben " + pageName + " bereits abonniert"
                : "You are already subscribed to " + pageName;
        String text = de
                ? "Jemand hat für diese Adresse erneut Meldungen von " + pageName + " bestellt. Sie erhalten sie "
                + "bereits; es ändert sich nichts.\n\nAbonnement verwalten: " + manage + "\nAbbestellen: "
                + unsubscribe + "\n"
                : "Someone asked again for " + pageName + " updates at this address. You get them already; "
                + "nothing changes.\n\nManage the subscription: " + manage + "\nUnsubscribe: " + unsubscribe + "\n";
        String html = page(subject, "<p>" + MailHtml.escape(de ? "Jemand hat für diese Adresse erneut Meldungen bestellt. Sie "
                + "erhalten sie bereits; es ändert sich nichts." : "Someone asked again for updates at this address. "
                + "You get them already; nothing changes.") + "</p>", manage, unsubscribe, de);
        return new OutgoingMail("already-subscribed:" + subscription.id() + ":" + occasion, subscription.id(),
                subscription.email(), subject, text, html, headers(unsubscribe));
    }

    /** RFC 8058: a POST of {@code List-Unsubscribe=One-Click} to the URL ends the subscription. */
    static Map<String, String> headers(URI unsubscribe) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    private static String page(String title, String body, URI manage, URI unsubscribe, boolean de) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + MailHtml.escape(title) + "</title></head><body>"
                + body + "<hr><p><a href=\"" + MailHtml.escape(manage.toString()) + "\">"
                + MailHtml.escape(de ? "Abonnement verwalten" : "Manage the subscription") + "</a> · <a href=\""
                + MailHtml.escape(unsubscribe.toString()) + "\">" + MailHtml.escape(de ? "Abbestellen" : "Unsubscribe")
                + "</a></p></body></html>";
    }

    private static boolean german(String locale) {
        return locale != null && (locale.equals("de") || locale.startsWith("de-"));
    }
}
