package io.incidenttimeline.api.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.GreenMailApiTest;
import io.incidenttimeline.api.support.Pages;
import io.incidenttimeline.projections.support.ReadStore;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscribing end to end against a real SMTP server (GreenMail): the confirmation mail and its headers, following the
 * link, the manage page, one-click unsubscribe by a POST to the List-Unsubscribe URL, the same answer whatever is
 * known of an address, the limits, and erasure leaving the address nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubscriptionMailApiTest extends GreenMailApiTest {

    private static final String ACCEPTED = "{\"detail\":\"If the address can receive mail, a message with a "
            + "confirmation link is on its way to it; nothing else is sent before that link is followed.\"}";

    @Autowired
    private EmailSubscribers subscribers;

    @Autowired
    private LinkSigner signer;

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    private Pages pages() {
        return new Pages(port);
    }

    private String component(String name) {
        String id = ApiClient.uniqueId("comp");
        var defined = api.post("/api/v1/components").as(ApiClient.ADMIN).json(Map.of("id", id, "name", name)).send();
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        Eventually.until(() -> pages().get("/subscribe").body(), body -> body.contains(id), "the form offers " + id);
        return id;
    }

    private static String address(String who) {
        return who + "-" + ApiClient.uniqueId("r") + "@Example.TEST";
    }

    private static String normalised(String address) {
        int at = address.indexOf('@');
        return address.substring(0, at) + address.substring(at).toLowerCase();
    }

    private ApiClient.Response subscribe(Object body) {
        return api.post("/api/public/v1/subscriptions").json(body).send();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage awaitMail(String address, int count) {
        return Eventually.until(() -> mailsTo(address), mails -> mails.size() >= count,
                count + " mail(s) to " + address).get(count - 1);
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        MimeMultipart mixed = (MimeMultipart) content;
        for (int i = 0; i < mixed.getCount(); i++) {
            Object part = mixed.getBodyPart(i).getContent();
            if (part instanceof MimeMultipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType("text/plain")) {
                        return (String) nested.getBodyPart(j).getContent();
                    }
                    if (nested.getBodyPart(j).getContent() instanceof MimeMultipart deeper) {
                        for (int k = 0; k < deeper.getCount(); k++) {
                            if (deeper.getBodyPart(k).isMimeType("text/plain")) {
                                return (String) deeper.getBodyPart(k).getContent();
                            }
                        }
                    }
                }
            } else if (mixed.getBodyPart(i).isMimeType("text/plain")) {
                return (String) part;
            }
        }
        throw new AssertionError("no text part");
    }

    private static String link(MimeMessage message, String path) throws Exception {
        return Pages.group(text(message), "(" + PAGE_URL.replace(".", "\\.") + path.replace("?", "\\?")
                + "[A-Za-z0-9_.=-]+)");
    }

    private String confirmThrough(MimeMessage confirmation) throws Exception {
        String confirm = Pages.local(link(confirmation, "/subscriptions/confirm?token="));
        String token = confirm.substring(confirm.indexOf("token=") + 6);
        HttpResponse<String> page = pages().post("/subscriptions/confirm", "token=" + token);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void aReaderSubscribes_getsOnlyTheConfirmation_confirmsThroughItsLink_andManagesTheSubscription() throws Exception {
        String api1 = component("Public API");
        String address = address("Ada");

        var answer = subscribe(Map.of("email", "  " + address + " ", "components", List.of(api1), "locale", "en",
                "zone", "Europe/Berlin"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo(ACCEPTED);
        MimeMessage confirmation = awaitMail(normalised(address), 1);
        assertThat(confirmation.getAllRecipients()[0].toString()).as("the domain is lower-cased, the local part kept")
                .isEqualTo(normalised(address));
        assertThat(confirmation.getSubject()).contains("Confirm your subscription");
        assertThat(confirmation.getHeader("List-Unsubscribe", null))
                .matches("<" + PAGE_URL.replace(".", "\\.") + "/subscriptions/unsubscribe\\?token=[A-Za-z0-9_.=-]+>");
        assertThat(confirmation.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(confirmation.getHeader("Message-ID", null)).endsWith("@status.example.test>");
        assertThat(confirmation.getContentType()).startsWith("multipart/");
        assertThat(text(confirmation)).contains(PAGE_URL + "/subscriptions/manage?token=");
        assertThat(subscribers.confirmed()).as("nothing but the confirmation before it is followed")
                .noneMatch(s -> s.email().equals(normalised(address)));

        String confirm = Pages.local(link(confirmation, "/subscriptions/confirm?token="));
        HttpResponse<String> beforeConfirming = pages().get(confirm);
        assertThat(beforeConfirming.statusCode()).isEqualTo(200);
        assertThat(beforeConfirming.body()).contains("action=\"/subscriptions/confirm\"").contains("Public API");
        assertThat(beforeConfirming.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(subscribers.confirmed()).as("opening the link (a mail scanner) confirms nothing")
                .noneMatch(s -> s.email().equals(normalised(address)));

        String confirmed = confirmThrough(confirmation);

        assertThat(confirmed).contains("Your subscription is confirmed").contains("Public API")
                .contains("Europe/Berlin").contains("href=\"/subscriptions/manage?token=");
        EmailSubscriber subscriber = subscribers.confirmed().stream()
                .filter(s -> s.email().equals(normalised(address))).findFirst().orElseThrow();
        assertThat(subscriber.components()).containsExactly(api1);
        assertThat(subscriber.locale()).isEqualTo("en");
        assertThat(subscriber.zone()).isEqualTo("Europe/Berlin");
        assertThat(subscribers.manageLink(subscriber).toString()).startsWith(PAGE_URL + "/subscriptions/manage?token=");
        assertThat(subscribers.unsubscribeLink(subscriber).toString())
                .startsWith("https://status.example.test/subscriptions/unsubscribe?token=");

        HttpResponse<String> again = pages().post("/subscriptions/confirm",
                "token=" + confirm.substring(confirm.indexOf("token=") + 6));
        assertThat(again.statusCode()).as("confirming twice is a clear page").isEqualTo(200);
        assertThat(again.body()).contains("This subscription was confirmed already.");

        String manage = Pages.local(subscribers.manageLink(subscriber).toString());
        HttpResponse<String> managePage = pages().get(manage);
        assertThat(managePage.statusCode()).isEqualTo(200);
        assertThat(managePage.body()).contains("name=\"components\"").contains("value=\"" + api1 + "\" checked")
                .contains("action=\"/subscriptions/unsubscribe?token=");
        String token = manage.substring(manage.indexOf("token=") + 6);

        HttpResponse<String> saved = pages().post("/subscriptions/manage", "token=" + token + "&scope=all&locale=de");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your changes are saved.");
        EmailSubscriber changed = subscribers.confirmed().stream().filter(s -> s.id().equals(subscriber.id()))
                .findFirst().orElseThrow();
        assertThat(changed.components()).as("every component").isNull();
        assertThat(changed.locale()).isEqualTo("de");
        assertThat(mailsTo(normalised(address))).as("no mail but the confirmation").hasSize(1);
    }

    @Test
    void brokenTamperedAndExpiredLinksGiveAClearPage() throws Exception {
        String address = address("eve");
        assertThat(subscribe(Map.of("email", address)).status()).isEqualTo(202);
        MimeMessage confirmation = awaitMail(normalised(address), 1);
        String confirm = Pages.local(link(confirmation, "/subscriptions/confirm?token="));
        String token = confirm.substring(confirm.indexOf("token=") + 6);
        // not the last character: in unpadded base64 some of its bits are unused, so changing it may change nothing
        int at = token.length() - 5;
        char original = token.charAt(at);
        String tampered = token.substring(0, at) + (original == 'A' ? 'B' : 'A') + token.substring(at + 1);
        var row = readStore.queryForMap("SELECT subscription_id, confirmation_nonce FROM email_subscription "
                + "WHERE email = ?", normalised(address));
        String expired = signer.sign(LinkSigner.Purpose.CONFIRM, (String) row.get("subscription_id"),
                (String) row.get("confirmation_nonce"), Instant.now().minusSeconds(60));
        String manageAsConfirm = Pages.local(subscribers.manageLink(new EmailSubscriber(
                (String) row.get("subscription_id"), null, null, null, null)).toString());

        HttpResponse<String> tamperedPage = pages().post("/subscriptions/confirm", "token=" + tampered);
        HttpResponse<String> expiredPage = pages().post("/subscriptions/confirm", "token=" + expired);
        HttpResponse<String> wrongPurpose = pages().post("/subscriptions/confirm",
                "token=" + manageAsConfirm.substring(manageAsConfirm.indexOf("token=") + 6));
        HttpResponse<String> garbage = pages().get("/subscriptions/confirm?token=" + URLEncoder.encode(
                "<script>alert(1)</script>", StandardCharsets.UTF_8));
        HttpResponse<String> noToken = pages().get("/subscriptions/manage");

        assertThat(tamperedPage.statusCode()).isEqualTo(400);
        assertThat(tamperedPage.body()).contains("This link does not work");
        assertThat(expiredPage.statusCode()).isEqualTo(410);
        assertThat(expiredPage.body()).contains("This confirmation link has expired").contains("href=\"/subscribe\"");
        assertThat(wrongPurpose.statusCode()).as("a manage link cannot confirm").isEqualTo(400);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(noToken.statusCode()).isEqualTo(404);
        assertThat(subscribers.confirmed()).noneMatch(s -> s.email().equals(normalised(address)));

        confirmThrough(confirmation);

        assertThat(subscribers.confirmed()).anyMatch(s -> s.email().equals(normalised(address)));
    }

    @Test
    void theAnswerIsTheSameForANewAPendingAndASubscribedAddress() throws Exception {
        String address = address("bob");

        var asNew = subscribe(Map.of("email", address));
        MimeMessage first = awaitMail(normalised(address), 1);
        var asPending = subscribe(Map.of("email", address));
        MimeMessage second = awaitMail(normalised(address), 2);
        confirmThrough(second);
        var asSubscribed = subscribe(Map.of("email", address));
        MimeMessage third = awaitMail(normalised(address), 3);

        for (var answer : List.of(asNew, asPending, asSubscribed)) {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(ACCEPTED);
            assertThat(answer.header("Content-Type")).isEqualTo(asNew.header("Content-Type"));
        }
        assertThat(first.getSubject()).contains("Confirm");
        assertThat(second.getSubject()).as("a pending address gets a new link").contains("Confirm");
        assertThat(third.getSubject()).as("a subscribed one its manage link").contains("already subscribed");
        assertThat(text(third)).contains(PAGE_URL + "/subscriptions/manage?token=");
        HttpResponse<String> superseded = pages().post("/subscriptions/confirm", "token="
                + Pages.local(link(first, "/subscriptions/confirm?token=")).replaceAll(".*token=", ""));
        assertThat(superseded.statusCode()).as("the first link was confirmed through its successor: already confirmed")
                .isEqualTo(200);
        assertThat(subscribers.confirmed().stream().filter(s -> s.email().equals(normalised(address)))).hasSize(1);
    }

    @Test
    void aPostToTheListUnsubscribeUrlEndsTheSubscriptionAtOnce() throws Exception {
        String address = address("carol");
        assertThat(subscribe(Map.of("email", address)).status()).isEqualTo(202);
        confirmThrough(awaitMail(normalised(address), 1));
        EmailSubscriber subscriber = subscribers.confirmed().stream()
                .filter(s -> s.email().equals(normalised(address))).findFirst().orElseThrow();
        // what a mail program does with the headers (RFC 8058): POST the body to the URL, no cookie, no token
        String header = awaitMail(normalised(address), 1).getHeader("List-Unsubscribe", null);
        String url = header.substring(1, header.length() - 1);
        assertThat(url).startsWith("https://");

        HttpResponse<String> unsubscribed = pages().post(Pages.local(url), "List-Unsubscribe=One-Click");

        assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("You are unsubscribed");
        assertThat(subscribers.confirmed()).noneMatch(s -> s.id().equals(subscriber.id()));
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM email_subscription WHERE email = ?", Integer.class,
                normalised(address))).isZero();
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE subscription_id = ?",
                Integer.class, subscriber.id())).isZero();
        HttpResponse<String> twice = pages().post(Pages.local(url), "List-Unsubscribe=One-Click");
        assertThat(twice.statusCode()).as("a second click answers alike").isEqualTo(200);
        assertThat(pages().get(Pages.local(subscribers.manageLink(subscriber).toString())).statusCode())
                .as("the manage link of an ended subscription").isEqualTo(404);
    }

    @Test
    void oneClientAddressIsLimitedPerHourAndOneEmailAddressGetsAFewConfirmationsAtMost() {
        Pages pages = pages();
        String fromOther = null;
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            fromOther = pages.postJsonFrom("127.0.0.2", "/api/public/v1/subscriptions",
                    "{\"email\":\"" + address("flood" + i) + "\"}");
            assertThat(fromOther).startsWith("HTTP/1.1 202");
        }
        String limited = pages.postJsonFrom("127.0.0.2", "/api/public/v1/subscriptions",
                "{\"email\":\"" + address("flood-over") + "\"}");
        assertThat(limited).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: ")
                .contains("subscribe-rate-limited");
        assertThat(subscribe(Map.of("email", address("other-client"))).status())
                .as("another client address is not limited by it").isEqualTo(202);

        String target = address("target");
        for (int i = 0; i < 5; i++) {
            assertThat(pages.postJsonFrom("127.0.0.3", "/api/public/v1/subscriptions",
                    "{\"email\":\"" + target + "\"}")).as("the answer never changes").startsWith("HTTP/1.1 202");
        }
        awaitMail(normalised(target), 3);
        Eventually.until(() -> readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox o JOIN email_subscription s "
                        + "ON s.subscription_id = o.subscription_id WHERE s.email = ? AND o.status = 'sent'",
                Integer.class, normalised(target)), n -> n == 3, "three confirmations sent");
        assertThat(mailsTo(normalised(target))).as("three confirmations an hour, then nothing").hasSize(3);
    }

    @Test
    void erasingASubscriberLeavesTheAddressNowhere_andNoLogLineEverNamedIt(CapturedOutput output) throws Exception {
        String address = address("dora");
        assertThat(subscribe(Map.of("email", address)).status()).isEqualTo(202);
        confirmThrough(awaitMail(normalised(address), 1));
        String id = readStore.queryForObject("SELECT subscription_id FROM email_subscription WHERE email = ?",
                String.class, normalised(address));

        var listed = api.get("/api/v1/admin/subscriptions?email=" + URLEncoder.encode(address, StandardCharsets.UTF_8))
                .as(ApiClient.ADMIN).send();
        var export = api.get("/api/v1/admin/subscriptions/" + id).as(ApiClient.ADMIN).send();
        var forbidden = api.get("/api/v1/admin/subscriptions/" + id).as(ApiClient.RESPONDER).send();

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("subscriptions")).singleElement()
                .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(id));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().at("/subscription/email").asText()).isEqualTo(normalised(address));
        assertThat(export.json().at("/subscription/status").asText()).isEqualTo("confirmed");
        assertThat(export.json().get("mails")).hasSize(1);
        assertThat(forbidden.status()).isEqualTo(403);

        var erased = api.call("DELETE", "/api/v1/admin/subscriptions/" + id).as(ApiClient.ADMIN).send();

        assertThat(erased.status()).isEqualTo(204);
        String like = "%" + normalised(address) + "%";
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM email_subscription WHERE email LIKE ? "
                + "OR suspended_reason LIKE ?", Integer.class, like, like)).isZero();
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE ? OR body_text LIKE ? "
                + "OR body_html LIKE ? OR headers LIKE ? OR last_error LIKE ? OR subscription_id = ?", Integer.class,
                like, like, like, like, like, id)).isZero();
        assertThat(api.get("/api/v1/admin/subscriptions/" + id).as(ApiClient.ADMIN).send().status()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/admin/subscriptions/" + id).as(ApiClient.ADMIN).send().status())
                .isEqualTo(404);
        // GreenMail, the mail server on the other side, logs the recipients it sees; the application never does
        List<String> ours = output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")).toList();
        assertThat(String.join("\n", ours)).as("the log names subscriptions by id, never by address")
                .contains(id).doesNotContainIgnoringCase(normalised(address));
    }
}
