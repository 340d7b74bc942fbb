package io.incidenttimeline.api.notification;

import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.subscription.EmailSubscriptions;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.GreenMailApiTest;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.projections.support.ReadStore;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import io.incidenttimeline.api.support.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mails to email subscribers end to end: commands through the API, subscriptions confirmed through their confirmation
 * mails, and every mail read from GreenMail, the real SMTP server the shared mail context sends to. Each test uses
 * components and addresses of its own, so the other tests' incidents never reach its subscribers.
 */
class SubscriberMailApiTest extends GreenMailApiTest {

    private static final Pattern CONFIRM = Pattern.compile("/subscriptions/confirm\\?token=([A-Za-z0-9_.~%-]+)");

    private static boolean described;

    @Autowired
    private EmailSubscriptions subscriptions;

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    @Autowired
    private EventProcessingConfiguration processing;

    /**
     * Builds the OpenAPI description the API client checks every answer against, with patience: on a loaded machine
     * its first build took longer than the client's 30 s timeout.
     */
    @BeforeEach
    void describeTheApiOnce() throws Exception {
        if (!described) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v3/api-docs/complete")).header("Authorization", "Bearer " + ApiClient.ADMIN)
                    .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.discarding());
            described = true;
        }
    }

    @Test
    void followersOfAnAffectedComponentGetEachPublicUpdateInTheirLanguage_othersAndInternalUpdatesNothing() throws Exception {
        String a = component("Checkout");
        String b = component("Search");
        String english = confirmed("en", a, "en", "UTC");
        String german = confirmed("de", a, "de", "Europe/Berlin");
        String onlyB = confirmed("b", b, "en", "UTC");
        String unconfirmed = address("pending");
        subscriptions.subscribe(subscriptions.check(unconfirmed, List.of(a), "en", "UTC"));
        String incident = uniqueId("mail");

        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "updateId", "first"),
                "components", Map.of(a, "partial_outage")));
        MimeMessage declared = mails(english, 1).get(0);
        assertThat(declared.getSubject()).isEqualTo("[Incident Timeline] Checkout fails for some customers \u2013 Investigating");
        assertThat(declared.getHeader("List-Unsubscribe", null)).startsWith("<" + PAGE_URL + "/subscriptions/unsubscribe?token=");
        assertThat(declared.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(declared.isMimeType("multipart/*")).as("text and HTML parts").isTrue();
        assertThat(text(declared)).contains("We are investigating failed checkouts.", "Checkout " + a + " (Partial outage)",
                "Manage your subscription: " + PAGE_URL + "/subscriptions/manage?token=", "UTC");
        assertThat(html(declared)).contains("We are investigating failed checkouts.", "<html lang=\"en\">");
        MimeMessage germanDeclared = mails(german, 1).get(0);
        assertThat(germanDeclared.getSubject()).as("no German translation yet").endsWith("\u2013 Untersuchung")
                .contains("Checkout fails for some customers");
        assertThat(text(germanDeclared)).contains("We are investigating failed checkouts.", " UTC (")
                .doesNotContain("maschinell");

        Incidents.post(api, incident, Bodies.with(Bodies.with(Bodies.update("identified", "internal: the rollback of build 4711"),
                "visibility", "internal"), "updateId", "note"));
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/translations", Map.of("locale", "de",
                "machineTranslated", true, "title", "Bezahlen schlägt für manche Kunden fehl",
                "updates", Map.of("first", "Wir untersuchen fehlgeschlagene Zahlungen.")));
        Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "A certificate expired."), "updateId", "second"));

        // the processor handles events in order: once the second update's mail is there, the internal one's would be
        List<MimeMessage> englishMails = mails(english, 2);
        assertThat(text(englishMails.get(1))).contains("A certificate expired.");
        MimeMessage germanUpdate = mails(german, 2).get(1);
        assertThat(germanUpdate.getSubject()).isEqualTo("[Incident Timeline] Bezahlen schlägt für manche Kunden fehl "
                + "\u2013 Ursache erkannt");
        assertThat(text(germanUpdate)).contains("Wir untersuchen fehlgeschlagene Zahlungen.", "A certificate expired.",
                "maschinell übersetzt");
        for (MimeMessage mail : all(english, german)) {
            assertThat(text(mail) + html(mail) + mail.getSubject()).doesNotContain("4711", "rollback");
        }
        assertThat(received(onlyB)).as("a subscriber of another component only: its confirmation mail alone")
                .hasSize(1).allSatisfy(m -> assertThat(m.getSubject()).doesNotContain("Checkout fails"));
        assertThat(received(unconfirmed)).as("only the confirmation mail").hasSize(1)
                .allSatisfy(m -> assertThat(text(m)).contains("/subscriptions/confirm?token="));
    }

    @Test
    void anAmendmentSendsACorrection_andAReplayOfTheProcessorSendsNothingAgain() throws Exception {
        String a = component("Payments");
        String english = confirmed("en", a, "en", "UTC");
        String german = confirmed("de", a, "de", "Europe/Berlin");
        String incident = uniqueId("mail-fix");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "updateId", "first"),
                "components", Map.of(a, "major_outage")));
        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/translations", Map.of("locale", "de",
                "machineTranslated", true, "title", "Bezahlen schlägt für manche Kunden fehl",
                "updates", Map.of("first", "Wir untersuchen fehlgeschlagene Zahlungen.")));
        mails(english, 1);
        mails(german, 1);

        Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/updates/first/amendments",
                Map.of("message", "We are investigating failed card payments.", "reason", "precision"));

        MimeMessage correction = mails(english, 2).get(1);
        assertThat(correction.getSubject()).isEqualTo("[Incident Timeline] Correction: Checkout fails for some customers "
                + "\u2013 Investigating");
        assertThat(text(correction)).contains("Correction: an update we sent you was amended",
                "We are investigating failed card payments.").doesNotContain("failed checkouts");
        MimeMessage germanCorrection = mails(german, 2).get(1);
        assertThat(germanCorrection.getSubject()).startsWith("[Incident Timeline] Korrektur: Bezahlen schlägt");
        // the translation of the amended text is outdated: the corrected original, and the page's notice saying so
        assertThat(text(germanCorrection)).contains("We are investigating failed card payments.", "wird aktualisiert")
                .doesNotContain("Wir untersuchen fehlgeschlagene Zahlungen.");

        StreamingEventProcessor processor = processing.eventProcessor(SubscriberMailProcessor.NAME,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Payments work again."), "updateId", "fixed"));

        // the replay goes over the old events before the new one: once its mail is there, the replay is past them
        assertThat(text(mails(english, 3).get(2))).contains("Payments work again.");
        assertThat(mails(german, 3).get(2).getSubject()).endsWith("\u2013 Behoben");
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE mail_key LIKE ?", Integer.class,
                "%:" + incident + ":%")).isEqualTo(6);
        Thread.sleep(500);
        assertThat(received(english)).hasSize(4);
        assertThat(received(german)).hasSize(4);
    }

    private String component(String name) {
        String id = uniqueId("mail-cmp");
        Incidents.defineComponent(api, id, name + " " + id, "Mail", 50);
        return id;
    }

    private static String address(String who) {
        return uniqueId(who) + "@mail.example.test";
    }

    /** A subscription confirmed through the link of its confirmation mail. */
    private String confirmed(String who, String component, String locale, String zone) throws Exception {
        String email = address(who);
        subscriptions.subscribe(subscriptions.check(email, List.of(component), locale, zone));
        List<MimeMessage> confirmation = Eventually.until(() -> received(email), m -> m.size() == 1, "the confirmation mail");
        Matcher link = CONFIRM.matcher(text(confirmation.get(0)));
        assertThat(link.find()).as("a confirmation link").isTrue();
        assertThat(subscriptions.confirm(link.group(1), true).outcome()).isEqualTo(EmailSubscriptions.Confirmation.CONFIRMED);
        return email;
    }

    /** The subscriber's first {@code count} mails after the confirmation, waiting for them; in the order received. */
    private List<MimeMessage> mails(String email, int count) {
        return Eventually.until(() -> received(email).stream().skip(1).toList(), m -> m.size() >= count,
                count + " mails to " + email).subList(0, count);
    }

    private static List<MimeMessage> received(String email) {
        return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> recipient(m).equals(email)).toList();
    }

    private static List<MimeMessage> all(String... emails) {
        return Arrays.stream(emails).flatMap(e -> received(e).stream().skip(1)).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    private static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            String found = find(message.getContent(), type);
            if (found == null) {
                throw new IllegalStateException("no " + type + " part");
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part.isMimeType(type) ? part.getContent().toString() : find(part.getContent(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
