package io.incidenttimeline.api.notification;

import static io.incidenttimeline.api.notification.MailNoticesTest.ID;
import static io.incidenttimeline.api.notification.MailNoticesTest.at;
import static io.incidenttimeline.api.notification.MailNoticesTest.declared;
import static io.incidenttimeline.api.notification.MailNoticesTest.posted;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.mail.OutgoingMail;
import io.incidenttimeline.api.subscription.EmailSubscriber;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A subscriber's mail: their language where a current translation exists, their zone, the unsubscribe headers. */
class MailComposerTest {

    private static final MailComposer COMPOSER = new MailComposer("Example Status", "https://status.example.com");
    private static final Map<String, PublicComponent> CATALOGUE = Map.of("checkout",
            new PublicComponent("checkout", "Checkout", "Shop", 1, null, at(0), at(0), null));
    private static final EmailSubscriber ENGLISH = new EmailSubscriber("sub-en", "en@example.com", List.of("checkout"),
            "en", "UTC");
    private static final EmailSubscriber GERMAN = new EmailSubscriber("sub-de", "de@example.com", null, "de-CH",
            "Europe/Berlin");
    private static final URI MANAGE = URI.create("https://status.example.com/subscriptions/manage?t=abc");
    private static final URI UNSUBSCRIBE = URI.create("https://status.example.com/subscriptions/unsubscribe?t=abc");

    private static final Object DECLARED = declared();
    private static final Object FIRST = posted("u1", IncidentStatus.INVESTIGATING, "Checkout fails for some cards.",
            Visibility.PUBLIC, 1);
    private static final Object INTERNAL = posted("u2", IncidentStatus.IDENTIFIED, "internal: the rollback of build 4711",
            Visibility.INTERNAL, 2);
    private static final Object GERMAN_TRANSLATION = new TranslationAdded(ID, "de", true, "deepl", "Checkout schlägt fehl",
            Map.of("u1", "Checkout schlägt für manche Karten fehl."), null, at(3), at(3));
    private static final Object SECOND = posted("u3", IncidentStatus.IDENTIFIED, "A certificate expired.",
            Visibility.PUBLIC, 4);

    private static OutgoingMail mail(EmailSubscriber subscriber, Object... events) {
        PublicIncident before = null;
        for (int i = 0; i < events.length - 1; i++) {
            before = PublicIncidentFold.apply(before, events[i]);
        }
        PublicIncident after = PublicIncidentFold.apply(before, events[events.length - 1]);
        MailNotice notice = MailNotices.incident(before, after, "event-x").get(0);
        return COMPOSER.compose(notice, subscriber, CATALOGUE, MANAGE, UNSUBSCRIBE);
    }

    @Test
    void givenAnUpdate_thenTheMailNamesPageTitleStatusAndComponentsAndCarriesTheOneClickHeaders() {
        OutgoingMail mail = mail(ENGLISH, DECLARED, FIRST);

        assertThat(mail.mailKey()).isEqualTo("update:" + ID + ":u1:sub-en");
        assertThat(mail.subscriptionId()).isEqualTo("sub-en");
        assertThat(mail.to()).isEqualTo("en@example.com");
        assertThat(mail.subject()).isEqualTo("[Example Status] Checkout fails \u2013 Investigating");
        assertThat(mail.headers()).containsEntry("List-Unsubscribe", "<" + UNSUBSCRIBE + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        for (String body : List.of(mail.text(), mail.html())) {
            assertThat(body).contains("Checkout (Partial outage)", "Checkout fails for some cards.",
                    "2024-07-05 13:32 UTC", "https://status.example.com/incidents/" + ID);
        }
        assertThat(mail.text()).contains("Manage your subscription: " + MANAGE, "Unsubscribe: " + UNSUBSCRIBE)
                .doesNotContain("(2024", "Translation notice");
        assertThat(mail.html()).contains("<html lang=\"en\">", "href=\"" + MANAGE + "\"");
    }

    @Test
    void givenAnInternalUpdateBefore_thenItsTextIsInNoMail() {
        OutgoingMail mail = mail(GERMAN, DECLARED, FIRST, INTERNAL, SECOND);

        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain("4711", "rollback");
    }

    @Test
    void givenACurrentGermanTranslation_thenAGermanReaderGetsItWithTheMachineTranslationNoticeAndTheirZone() {
        OutgoingMail mail = mail(GERMAN, DECLARED, FIRST, GERMAN_TRANSLATION, SECOND);

        assertThat(mail.subject()).isEqualTo("[Example Status] Checkout schlägt fehl \u2013 Ursache erkannt");
        assertThat(mail.headers()).containsEntry("Content-Language", "de");
        assertThat(mail.text()).contains("Checkout schlägt für manche Karten fehl.", "Checkout (Teilweiser Ausfall)",
                "Frühere Meldungen", "2024-07-05 13:35 UTC (2024-07-05 15:35 CEST)",
                "Sie erhalten diese Mail", "Abonnement verwalten: " + MANAGE)
                .doesNotContain("Checkout fails for some cards.");
        // the new update is not translated yet: shown in the original, marked as such in the HTML
        assertThat(mail.text()).contains("A certificate expired.");
        assertThat(mail.html()).contains("<p lang=\"en\">A certificate expired.</p>", "<html lang=\"de\">");
        assertThat(mail.text()).contains("maschinell");
    }

    @Test
    void givenNoTranslationIntoTheReadersLanguage_thenTheOriginalWithoutNotice() {
        EmailSubscriber french = new EmailSubscriber("sub-fr", "fr@example.com", null, "fr", "Europe/Paris");
        OutgoingMail mail = mail(french, DECLARED, FIRST, GERMAN_TRANSLATION, SECOND);

        assertThat(mail.subject()).isEqualTo("[Example Status] Checkout fails \u2013 Identified");
        assertThat(mail.text()).contains("Checkout fails for some cards.").doesNotContain("schlägt", "Translation notice");
    }

    @Test
    void givenAnAmendment_thenACorrectionWithTheCorrectedOriginalWhereTheTranslationIsOutdated() {
        Object amended = new UpdateAmended(ID, "u1", "Checkout fails for Visa cards.", "scope", at(5), at(5));
        OutgoingMail english = mail(ENGLISH, DECLARED, FIRST, GERMAN_TRANSLATION, amended);
        OutgoingMail german = mail(GERMAN, DECLARED, FIRST, GERMAN_TRANSLATION, amended);

        assertThat(english.mailKey()).isEqualTo("correction:" + ID + ":u1:event-x:sub-en");
        assertThat(english.subject()).isEqualTo("[Example Status] Correction: Checkout fails \u2013 Investigating");
        assertThat(english.text()).contains("Correction: an update we sent you was amended", "Checkout fails for Visa cards.")
                .doesNotContain("some cards");
        assertThat(german.subject()).isEqualTo("[Example Status] Korrektur: Checkout schlägt fehl \u2013 Untersuchung");
        assertThat(german.text()).contains("Checkout fails for Visa cards.", "wird aktualisiert")
                .doesNotContain("für manche Karten");
    }

    @Test
    void givenARetraction_thenACorrectionThatDoesNotRepeatTheWithdrawnText() {
        Object retracted = new UpdateRetracted(ID, "u3", "wrong incident", at(5), at(5));
        OutgoingMail mail = mail(ENGLISH, DECLARED, FIRST, SECOND, retracted);

        assertThat(mail.subject()).startsWith("[Example Status] Correction: Checkout fails");
        assertThat(mail.text()).contains("was withdrawn", "Withdrawn: the update posted at 2024-07-05 13:35 UTC")
                .doesNotContain("A certificate expired.");
    }

    @Test
    void givenTextWithMarkup_thenTheHtmlEscapesIt() {
        Object markup = posted("u9", IncidentStatus.INVESTIGATING, "<script>alert(1)</script> & more", Visibility.PUBLIC, 1);
        OutgoingMail mail = mail(ENGLISH, DECLARED, markup);

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
        assertThat(mail.text()).contains("<script>alert(1)</script> & more");
    }
}
