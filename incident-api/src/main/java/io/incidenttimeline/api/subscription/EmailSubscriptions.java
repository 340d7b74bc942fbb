package io.incidenttimeline.api.subscription;

import io.incidenttimeline.api.mail.MailHistory;
import io.incidenttimeline.api.mail.MailOutbox;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.LanguageTag;
import io.incidenttimeline.core.shared.Text;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email subscriptions with double opt-in. A request for an address answers alike whatever is known of it; only the
 * confirmation mail (or, for an address already confirmed, a note with its manage link) goes out, and nothing else
 * until the confirmation link is followed. Links are signed ({@link LinkSigner}); ending a subscription deletes it
 * with every mail queued for it, so the address is gone. Nothing here is an event: addresses never reach the event
 * store. Logs name subscriptions by id only.
 */
@Service
public class EmailSubscriptions implements EmailSubscribers {

    public static final int MAX_COMPONENTS = 200;
    public static final String DEFAULT_LOCALE = "en";
    public static final String DEFAULT_ZONE = "UTC";
    private static final Logger log = LoggerFactory.getLogger(EmailSubscriptions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription request after its checks: the address normalised, components known, locale and zone valid. */
    public record Request(String email, List<String> components, String locale, String zone) {
    }

    /** What a confirmation link comes to. */
    public enum Confirmation { READY, CONFIRMED, ALREADY_CONFIRMED, EXPIRED, INVALID }

    public record ConfirmationResult(Confirmation outcome, Subscription subscription) {
    }

    private final SubscriptionStore store;
    private final MailOutbox outbox;
    private final MailHistory history;
    private final LinkSigner signer;
    private final SubscribeThrottle throttle;
    private final ComponentCatalogue catalogue;
    private final SubscriptionProperties properties;
    private final PageProperties page;
    private final Clock clock;
    private final TransactionTemplate transaction;

    EmailSubscriptions(SubscriptionStore store, MailOutbox outbox, MailHistory history, LinkSigner signer,
                       SubscribeThrottle throttle, ComponentCatalogue catalogue, SubscriptionProperties properties,
                       PageProperties page, Clock clock,
                       @Qualifier("readStoreTransactionManager") PlatformTransactionManager transactions) {
        this.store = store;
        this.outbox = outbox;
        this.history = history;
        this.signer = signer;
        this.throttle = throttle;
        this.catalogue = catalogue;
        this.properties = properties;
        this.page = page;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Checks and normalises what a reader asked for; a refusal names the field. */
    public Request check(String email, List<String> components, String locale, String zone) {
        return new Request(EmailAddresses.normalise(email), components(components), locale(locale), zone(zone));
    }

    /** The same for a change on the manage page, where the address stays. */
    public List<String> components(List<String> given) {
        if (given == null) {
            return null;
        }
        if (given.isEmpty() || given.size() > MAX_COMPONENTS) {
            throw new SubscriptionRefused("components", "invalid-field", "components lists 1 to " + MAX_COMPONENTS
                    + " component ids; leave it out for every component");
        }
        List<String> components = new ArrayList<>();
        for (String value : given) {
            String id;
            try {
                id = Text.id("components", value);
            } catch (CommandRejected e) {
                throw new SubscriptionRefused("components", "unknown-component", e.getMessage());
            }
            if (!catalogue.isDefined(id) || catalogue.isRetired(id)) {
                throw new SubscriptionRefused("components", "unknown-component",
                        "no component " + id + " is on the page; leave components out to follow every component");
            }
            if (!components.contains(id)) {
                components.add(id);
            }
        }
        return List.copyOf(components);
    }

    public String locale(String given) {
        if (given == null) {
            return DEFAULT_LOCALE;
        }
        try {
            return LanguageTag.normalise("locale", given);
        } catch (CommandRejected e) {
            throw new SubscriptionRefused("locale", "invalid-locale", e.getMessage());
        }
    }

    private static String zone(String given) {
        if (given == null) {
            return DEFAULT_ZONE;
        }
        if (!ZoneId.getAvailableZoneIds().contains(given)) {
            throw new SubscriptionRefused("zone", "invalid-time-zone",
                    "zone is not a time zone of the IANA database (for example Europe/Berlin)");
        }
        return given;
    }

    /**
     * Takes a checked request: a new or pending (or suspended) address gets a confirmation link, a confirmed one a note
     * with its manage link; an address that had its mails for this hour gets nothing. The caller answers alike in
     * every case.
     */
    public void subscribe(Request request) {
        if (!throttle.address(request.email())) {
            log.info("a subscription request was not mailed: its address had its confirmations for this hour");
            return;
        }
        try {
            transaction.executeWithoutResult(status -> take(request));
        } catch (DuplicateKeyException raced) {
            // the same address asked twice at the same moment: the other request's row is there now
            transaction.executeWithoutResult(status -> take(request));
        }
    }

    private void take(Request request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Subscription> known = store.findByEmail(request.email());
        if (known.isEmpty()) {
            Subscription created = new Subscription(newId(), request.email(), request.components(), request.locale(),
                    request.zone(), Subscription.Status.PENDING, nonce(), now, null, null, null);
            store.addPending(created);
            outbox.enqueue(SubscriptionMails.confirmation(page.name(), created, confirmLink(created), manage(created.id()),
                    unsubscribeUrl(created.id())));
            log.info("subscription {} requested; confirmation mail queued", created.id());
            return;
        }
        Subscription existing = known.get();
        if (existing.status() == Subscription.Status.CONFIRMED) {
            outbox.enqueue(SubscriptionMails.alreadySubscribed(page.name(), existing, nonce(), manage(existing.id()),
                    unsubscribeUrl(existing.id())));
            log.info("subscription {} asked for again while confirmed; its manage link is mailed", existing.id());
            return;
        }
        String nonce = nonce();
        store.renewPending(existing.id(), request.components(), request.locale(), request.zone(), nonce);
        Subscription renewed = store.find(existing.id()).orElseThrow();
        outbox.enqueue(SubscriptionMails.confirmation(page.name(), renewed, confirmLink(renewed), manage(renewed.id()),
                unsubscribeUrl(renewed.id())));
        log.info("subscription {} asked for again while {}; a new confirmation mail is queued", existing.id(),
                existing.status().wire());
    }

    /** What following the confirmation link does (or, with {@code apply} false, would do). */
    public ConfirmationResult confirm(String token, boolean apply) {
        Optional<LinkSigner.Claims> claims = signer.verify(token)
                .filter(c -> c.purpose() == LinkSigner.Purpose.CONFIRM);
        if (claims.isEmpty()) {
            return new ConfirmationResult(Confirmation.INVALID, null);
        }
        Optional<Subscription> found = store.find(claims.get().subscriptionId());
        if (found.isEmpty()) {
            return new ConfirmationResult(Confirmation.INVALID, null);
        }
        Subscription subscription = found.get();
        if (subscription.status() == Subscription.Status.CONFIRMED) {
            return new ConfirmationResult(Confirmation.ALREADY_CONFIRMED, subscription);
        }
        Instant now = clock.instant();
        if (claims.get().expiredAt(now)) {
            return new ConfirmationResult(Confirmation.EXPIRED, null);
        }
        if (subscription.status() != Subscription.Status.PENDING
                || !claims.get().nonce().equals(subscription.confirmationNonce())) {
            return new ConfirmationResult(Confirmation.INVALID, null);
        }
        if (!apply) {
            return new ConfirmationResult(Confirmation.READY, subscription);
        }
        if (!store.confirm(subscription.id(), claims.get().nonce(), now.truncatedTo(ChronoUnit.MICROS))) {
            // confirmed a moment ago by the same link followed twice at once
            return store.find(subscription.id()).filter(s -> s.status() == Subscription.Status.CONFIRMED)
                    .map(s -> new ConfirmationResult(Confirmation.ALREADY_CONFIRMED, s))
                    .orElse(new ConfirmationResult(Confirmation.INVALID, null));
        }
        log.info("subscription {} confirmed", subscription.id());
        return new ConfirmationResult(Confirmation.CONFIRMED, store.find(subscription.id()).orElseThrow());
    }

    /** The subscription a manage link is for, if the link is genuine and the subscription still exists. */
    public Optional<Subscription> managed(String token) {
        return signer.verify(token).filter(c -> c.purpose() == LinkSigner.Purpose.MANAGE)
                .flatMap(c -> store.find(c.subscriptionId()));
    }

    /** Changes the components and language of the subscription a manage link is for. */
    public Optional<Subscription> change(String token, List<String> components, String locale) {
        Optional<Subscription> subscription = managed(token);
        subscription.ifPresent(s -> {
            store.changeChoices(s.id(), components, locale);
            log.info("subscription {} changed its choices", s.id());
        });
        return subscription.flatMap(s -> store.find(s.id()));
    }

    /** Ends the subscription an unsubscribe link is for, at once; false when there is none (any more). */
    public boolean unsubscribe(String token) {
        Optional<String> id = signer.verify(token).filter(c -> c.purpose() == LinkSigner.Purpose.UNSUBSCRIBE)
                .map(LinkSigner.Claims::subscriptionId);
        if (id.isEmpty()) {
            return false;
        }
        boolean ended = erase(id.get());
        if (ended) {
            log.info("subscription {} unsubscribed", id.get());
        }
        return ended;
    }

    /** Whether the token is a genuine unsubscribe link, whether or not its subscription still exists. */
    public boolean isUnsubscribeLink(String token) {
        return signer.verify(token).filter(c -> c.purpose() == LinkSigner.Purpose.UNSUBSCRIBE).isPresent();
    }

    /** Deletes the subscription and every mail queued or sent to it: nothing of the address remains. */
    public boolean erase(String subscriptionId) {
        Boolean deleted = transaction.execute(status -> {
            boolean existed = store.delete(subscriptionId);
            outbox.erase(subscriptionId);
            return existed;
        });
        return Boolean.TRUE.equals(deleted);
    }

    public List<Subscription> all() {
        return store.all();
    }

    public Optional<Subscription> find(String subscriptionId) {
        return store.find(subscriptionId);
    }

    public List<MailHistory.Entry> mails(String subscriptionId) {
        return history.of(subscriptionId);
    }

    @Override
    public List<EmailSubscriber> confirmed() {
        return store.confirmed().stream().map(Subscription::subscriber).toList();
    }

    @Override
    public URI manageLink(EmailSubscriber subscriber) {
        return manage(subscriber.id());
    }

    @Override
    public URI unsubscribeLink(EmailSubscriber subscriber) {
        return unsubscribeUrl(subscriber.id());
    }

    /** The manage link of a subscription, for the pages. */
    public URI manage(String subscriptionId) {
        return URI.create(page.base() + "/subscriptions/manage?token="
                + signer.sign(LinkSigner.Purpose.MANAGE, subscriptionId, null, null));
    }

    public URI unsubscribeUrl(String subscriptionId) {
        return URI.create(page.base() + "/subscriptions/unsubscribe?token="
                + signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, subscriptionId, null, null));
    }

    @Override
    public void suspend(String subscriptionId, String reason) {
        if (store.suspend(subscriptionId, reason, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            log.warn("subscription {} suspended: no more mails go to it until it is asked for again", subscriptionId);
        }
    }

    private URI confirmLink(Subscription subscription) {
        Instant expires = clock.instant().plus(properties.confirmationExpiry());
        return URI.create(page.base() + "/subscriptions/confirm?token=" + signer.sign(LinkSigner.Purpose.CONFIRM,
                subscription.id(), subscription.confirmationNonce(), expires));
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "es-" + HexFormat.of().formatHex(bytes);
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
