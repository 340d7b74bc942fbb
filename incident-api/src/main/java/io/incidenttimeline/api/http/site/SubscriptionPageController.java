package io.incidenttimeline.api.http.site;

import io.incidenttimeline.api.http.infra.web.QueryParameters;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.api.subscription.EmailSubscriptions;
import io.incidenttimeline.api.subscription.SubscribeThrottle;
import io.incidenttimeline.api.subscription.Subscription;
import io.incidenttimeline.api.subscription.SubscriptionProperties;
import io.incidenttimeline.api.subscription.SubscriptionRefused;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicViewQueries;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subscription pages, HTML from the server with no script: the form ({@code /subscribe}), following the
 * confirmation link, the manage page and unsubscribing, each signed link a page whose button POSTs (a mail scanner
 * that opens links changes nothing), except the RFC 8058 one-click POST, which mail programs send to the
 * {@code List-Unsubscribe} URL and which takes effect at once. Nothing here is cached ({@code no-store}: the pages
 * carry signed links and addresses), and every value is escaped by the templates.
 */
@Hidden
@RestController
public class SubscriptionPageController {

    private record ComponentChoice(String id, String name) {
    }

    private record LocaleChoice(String tag, String name) {
    }

    /** What the form shows: the address as given (escaped by the template), the scope and the chosen components. */
    public record Form(String email, boolean all, Set<String> components, String locale) {
    }

    /** The choices of a subscription, as its pages show them. */
    public record Choices(boolean all, List<String> names, String locale, String zone) {
    }

    private final EmailSubscriptions subscriptions;
    private final SubscribeThrottle throttle;
    private final PublicViewQueries queries;
    private final PageTemplates templates;
    private final PageProperties site;
    private final SubscriptionProperties properties;
    private final Clock clock;

    SubscriptionPageController(EmailSubscriptions subscriptions, SubscribeThrottle throttle, PublicViewQueries queries,
                               PageTemplates templates, PageProperties site, SubscriptionProperties properties,
                               Clock clock) {
        this.subscriptions = subscriptions;
        this.throttle = throttle;
        this.queries = queries;
        this.templates = templates;
        this.site = site;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/subscribe", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang", "tz"})
    public ResponseEntity<String> form(HttpServletRequest request) {
        PageReader reader = PageReader.of(request);
        Locale ui = reader.uiLocale();
        return subscribePage(request, reader, HttpStatus.OK, new Form("", true, Set.of(), ui.getLanguage()), null,
                false);
    }

    @PostMapping(path = "/subscribe", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang", "tz"})
    public ResponseEntity<String> subscribe(HttpServletRequest request,
                                            @RequestParam(name = "email", required = false) String email,
                                            @RequestParam(name = "scope", required = false) String scope,
                                            @RequestParam(name = "components", required = false) List<String> components,
                                            @RequestParam(name = "locale", required = false) String locale,
                                            @RequestParam(name = "zone", required = false) String zone) {
        PageReader reader = PageReader.of(request);
        boolean all = !"some".equals(scope);
        List<String> chosen = components == null ? List.of() : components;
        Form form = new Form(email == null ? "" : email, all, Set.copyOf(chosen),
                locale == null ? reader.uiLocale().getLanguage() : locale);
        EmailSubscriptions.Request checked;
        try {
            if (!all && chosen.isEmpty()) {
                throw new SubscriptionRefused("components", "invalid-field", "no component chosen");
            }
            checked = subscriptions.check(email, all ? null : chosen, locale,
                    zone == null || zone.isBlank() ? reader.zone().getId() : zone);
        } catch (SubscriptionRefused refused) {
            // the locale and zone come from the page's own choices; a refusal of one is a tampered form
            String message = "email".equals(refused.field()) ? "subscribe.error.email" : "subscribe.error.components";
            return subscribePage(request, reader, HttpStatus.BAD_REQUEST, form, message, false);
        }
        OptionalLong wait = throttle.client(request.getRemoteAddr());
        if (wait.isPresent()) {
            ResponseEntity<String> page = subscribePage(request, reader, HttpStatus.TOO_MANY_REQUESTS, form,
                    "subscribe.error.rate", false);
            return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong())).body(page.getBody());
        }
        subscriptions.subscribe(checked);
        return subscribePage(request, reader, HttpStatus.OK, form, null, true);
    }

    @GetMapping(path = "/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang"})
    public ResponseEntity<String> confirmation(HttpServletRequest request,
                                               @RequestParam(name = "token", required = false) String token) {
        return confirmed(request, token, subscriptions.confirm(token, false));
    }

    @PostMapping(path = "/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang"})
    public ResponseEntity<String> confirm(HttpServletRequest request,
                                          @RequestParam(name = "token", required = false) String token) {
        return confirmed(request, token, subscriptions.confirm(token, true));
    }

    private ResponseEntity<String> confirmed(HttpServletRequest request, String token,
                                             EmailSubscriptions.ConfirmationResult result) {
        Map<String, Object> model = new HashMap<>();
        HttpStatus status = HttpStatus.OK;
        switch (result.outcome()) {
            case READY -> {
                model.put("title", "subscription.confirm.title");
                model.put("state", "confirm");
                model.put("token", token);
                model.put("choices", choices(result.subscription()));
            }
            case CONFIRMED, ALREADY_CONFIRMED -> {
                model.put("title", "subscription.confirmed.title");
                model.put("state", "confirmed");
                if (result.outcome() == EmailSubscriptions.Confirmation.ALREADY_CONFIRMED) {
                    model.put("notes", List.of("subscription.confirmed.already"));
                }
                model.put("choices", choices(result.subscription()));
                model.put("manageUrl", relative(subscriptions.manage(result.subscription().id())));
            }
            case EXPIRED -> {
                status = HttpStatus.GONE;
                model.put("title", "subscription.expired.title");
                model.put("notes", List.of("subscription.expired"));
                model.put("again", true);
            }
            case INVALID -> {
                status = HttpStatus.BAD_REQUEST;
                invalid(model);
            }
        }
        return subscriptionPage(request, status, model);
    }

    @GetMapping(path = "/subscriptions/manage", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang"})
    public ResponseEntity<String> manage(HttpServletRequest request,
                                         @RequestParam(name = "token", required = false) String token) {
        Optional<Subscription> subscription = subscriptions.managed(token);
        return subscription.map(s -> managePage(request, token, s, List.of()))
                .orElseGet(() -> invalidPage(request, HttpStatus.NOT_FOUND));
    }

    @PostMapping(path = "/subscriptions/manage", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang"})
    public ResponseEntity<String> change(HttpServletRequest request,
                                         @RequestParam(name = "token", required = false) String token,
                                         @RequestParam(name = "scope", required = false) String scope,
                                         @RequestParam(name = "components", required = false) List<String> components,
                                         @RequestParam(name = "locale", required = false) String locale) {
        Optional<Subscription> subscription = subscriptions.managed(token);
        if (subscription.isEmpty()) {
            return invalidPage(request, HttpStatus.NOT_FOUND);
        }
        boolean all = !"some".equals(scope);
        List<String> chosen;
        String language;
        try {
            if (!all && (components == null || components.isEmpty())) {
                throw new SubscriptionRefused("components", "invalid-field", "no component chosen");
            }
            chosen = all ? null : subscriptions.components(components);
            language = subscriptions.locale(locale);
        } catch (SubscriptionRefused refused) {
            ResponseEntity<String> page = managePage(request, token, subscription.get(),
                    List.of("subscribe.error.components"));
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).headers(page.getHeaders()).body(page.getBody());
        }
        return subscriptions.change(token, chosen, language)
                .map(s -> managePage(request, token, s, List.of("subscription.manage.saved")))
                .orElseGet(() -> invalidPage(request, HttpStatus.NOT_FOUND));
    }

    @GetMapping(path = "/subscriptions/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang"})
    public ResponseEntity<String> unsubscription(HttpServletRequest request,
                                                 @RequestParam(name = "token", required = false) String token) {
        if (!subscriptions.isUnsubscribeLink(token)) {
            return invalidPage(request, HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "subscription.unsubscribe.title");
        model.put("state", "unsubscribe");
        model.put("unsubscribeUrl", "/subscriptions/unsubscribe?token=" + token);
        return subscriptionPage(request, HttpStatus.OK, model);
    }

    /**
     * RFC 8058's one-click unsubscribe (a POST of {@code List-Unsubscribe=One-Click} to the header's URL), and the
     * button of the pages: no sign-in and no CSRF token, the signed link is the authority. Ending a subscription that
     * has ended already answers alike.
     */
    @PostMapping(path = "/subscriptions/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @QueryParameters({"lang"})
    public ResponseEntity<String> unsubscribe(HttpServletRequest request,
                                              @RequestParam(name = "token", required = false) String token) {
        if (!subscriptions.isUnsubscribeLink(token)) {
            return invalidPage(request, HttpStatus.BAD_REQUEST);
        }
        subscriptions.unsubscribe(token);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "subscription.unsubscribed.title");
        model.put("notes", List.of("subscription.unsubscribed"));
        model.put("again", true);
        return subscriptionPage(request, HttpStatus.OK, model);
    }

    private ResponseEntity<String> managePage(HttpServletRequest request, String token, Subscription subscription,
                                              List<String> notes) {
        Map<String, Object> model = new HashMap<>();
        List<String> lines = new ArrayList<>(notes);
        if (subscription.status() == Subscription.Status.PENDING) {
            lines.add("subscription.manage.pending");
        } else if (subscription.status() == Subscription.Status.SUSPENDED) {
            lines.add("subscription.manage.suspended");
        }
        model.put("title", "subscription.manage.title");
        model.put("state", "manage");
        model.put("notes", lines);
        model.put("token", token);
        model.put("choices", choices(subscription));
        model.put("form", new Form(null, subscription.components() == null,
                subscription.components() == null ? Set.of() : Set.copyOf(subscription.components()),
                subscription.locale()));
        model.put("components", components());
        model.put("locales", locales(subscription.locale()));
        model.put("unsubscribeUrl", relative(subscriptions.unsubscribeUrl(subscription.id())));
        return subscriptionPage(request, HttpStatus.OK, model);
    }

    private ResponseEntity<String> invalidPage(HttpServletRequest request, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        invalid(model);
        return subscriptionPage(request, status, model);
    }

    private static void invalid(Map<String, Object> model) {
        model.put("title", "subscription.invalid.title");
        model.put("notes", List.of("subscription.invalid"));
        model.put("again", true);
    }

    private ResponseEntity<String> subscribePage(HttpServletRequest request, PageReader reader, HttpStatus status,
                                                 Form form, String error, boolean sent) {
        Locale ui = reader.uiLocale();
        List<SiteView.LanguageChoice> languages = PageReader.UI_LANGUAGES.stream().map(tag ->
                new SiteView.LanguageChoice(tag, Words.languageName(tag), null, "/subscribe" + PageLinks.query(tag,
                        reader.tz()), tag.equals(ui.getLanguage()))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("site", SiteView.of(site.name(), ui, reader, "/subscribe", languages, clock.instant()));
        model.put("form", form);
        model.put("error", error);
        model.put("sent", sent);
        model.put("expiryHours", properties.confirmationExpiry().toHours());
        model.put("zone", reader.zone().getId());
        model.put("components", components());
        model.put("locales", locales(form.locale()));
        return html(status, templates.render("subscribe", ui, model), ui);
    }

    private ResponseEntity<String> subscriptionPage(HttpServletRequest request, HttpStatus status,
                                                    Map<String, Object> model) {
        PageReader reader = PageReader.of(request);
        Locale ui = reader.uiLocale();
        model.put("site", SiteView.of(site.name(), ui, reader, "/", List.of(), clock.instant()));
        model.putIfAbsent("notes", List.of());
        model.putIfAbsent("state", "");
        model.putIfAbsent("again", false);
        return html(status, templates.render("subscription", ui, model), ui);
    }

    private Choices choices(Subscription subscription) {
        Map<String, String> names = new HashMap<>();
        components().forEach(c -> names.put(c.id(), c.name()));
        List<String> chosen = subscription.components() == null ? List.of()
                : subscription.components().stream().map(id -> names.getOrDefault(id, id)).toList();
        return new Choices(subscription.components() == null, chosen,
                Words.languageName(subscription.locale()), subscription.zone());
    }

    private List<ComponentChoice> components() {
        List<ComponentChoice> choices = new ArrayList<>();
        for (var view : queries.page().components()) {
            PublicComponent component = view.component();
            choices.add(new ComponentChoice(component.id(), component.name()));
        }
        return choices;
    }

    private static List<LocaleChoice> locales(String current) {
        List<LocaleChoice> choices = new ArrayList<>(PageReader.UI_LANGUAGES.stream()
                .map(tag -> new LocaleChoice(tag, Words.languageName(tag))).toList());
        if (current != null && choices.stream().noneMatch(c -> c.tag().equals(current))) {
            choices.add(new LocaleChoice(current, Words.languageName(current)));
        }
        return choices;
    }

    /** A link of ours as the page uses it: path and query, so the form posts to the address the reader is on. */
    private static String relative(URI link) {
        return link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    private static ResponseEntity<String> html(HttpStatus status, String body, Locale ui) {
        return ResponseEntity.status(status).contentType(PageResponses.HTML).headers(PageResponses::securityHeaders)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.CONTENT_LANGUAGE, ui.toLanguageTag())
                .body(body);
    }
}
