package io.incidenttimeline.api.subscriber;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.axon.AuditMetadata;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.support.ReadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A translation that covers only internal updates is no public fact: event stores may hold such translations from
 * before the command refused them, and the public view must not let one show, not even as a change of time, ETag or a
 * webhook. The events are appended to the real store as the old command stored them.
 */
class InternalOnlyTranslationApiTest extends ApiIntegrationTest {

    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final List<String> FRONT_PAGES = List.of("/", "/?lang=de");
    private static final Pattern UPTIME = Pattern.compile("(?s)<figure class=\"uptime\">.*?</figure>");

    @Autowired
    EventStore eventStore;

    @Autowired
    @ReadStore
    JdbcTemplate readStore;

    private final List<String> subscribers = new ArrayList<>();
    private WebhookReceiver receiver;

    @AfterEach
    void removeSubscriberAndReceiver() {
        subscribers.forEach(id -> api.call("DELETE", "/api/v1/subscribers/" + id).as(ADMIN).send());
        receiver.close();
    }

    @Test
    void aStoredTranslationOfOnlyInternalUpdatesLeavesEveryPublicBodyAndETagAsItWasAndSendsNoWebhook() {
        String component = uniqueId("tr-cmp");
        Incidents.defineComponent(api, component, "Translations " + component, "Translations", 91);
        receiver = WebhookReceiver.start();
        String subscriber = subscribe(receiver.url(), component);
        String incident = uniqueId("tr-internal");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "updateId", "first"),
                "components", Map.of(component, "partial_outage")));
        Incidents.post(api, incident, Bodies.with(Bodies.with(Bodies.update("identified", "Paging the database team."),
                "visibility", "internal"), "updateId", "note"));
        long version = Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/translations",
                Map.of("locale", "de", "machineTranslated", true, "title", "Bezahlen schlägt für manche Kunden fehl",
                        "updates", Map.of("first", "Wir untersuchen fehlgeschlagene Zahlungen."))).json().get("version").asLong();
        Eventually.until(() -> deliveries(subscriber), d -> d.size() == 3
                && d.stream().allMatch(e -> e.get("status").asText().equals("delivered")),
                "the declaration's and the German translation's deliveries");
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident + "?lang=de").send().body(),
                body -> body.contains("Bezahlen schlägt"), "the German translation in the public view");
        Map<String, String> before = publicBodies(incident);

        append(incident, version + 1, new TranslationAdded(incident, "de", false, "another-engine", null,
                Map.of("note", "Wir holen das Datenbank-Team."), null, Instant.now(), Instant.now()));
        append(incident, version + 2, new TranslationAdded(incident, "fr", false, null, null,
                Map.of("note", "Nous appelons l'équipe base de données."), null, Instant.now(), Instant.now()));
        awaitApplied(PublicViewProjection.NAME, incident, version + 2);
        awaitApplied(SubscriberWebhookProcessor.NAME, incident, version + 2);

        Map<String, String> after = publicBodies(incident);
        SoftAssertions.assertSoftly(soft -> before.forEach((path, body) -> soft.assertThat(after.get(path)).as(path)
                .isEqualTo(body)));
        assertThat(String.join("\n", after.values())).doesNotContain("Datenbank-Team").doesNotContain("équipe")
                .doesNotContain("Paging the database team");
        assertThat(deliveries(subscriber)).hasSize(3);
        assertThat(receiver.received()).hasSize(3);
    }

    /**
     * Every public body that shows the incident or the page, with its ETag, by path. The front page's uptime bars count
     * outage minutes up to now and so change with the clock alone: there they are left out, and with them the ETag.
     */
    private Map<String, String> publicBodies(String incident) {
        List<String> paths = List.of("/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
                "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
                "/api/public/v1/incidents/" + incident, "/api/public/v1/incidents/" + incident + "?lang=de",
                "/api/public/v1/incidents/" + incident + "?lang=fr", "/incidents/" + incident,
                "/incidents/" + incident + "?lang=de", "/incidents/" + incident + "?lang=fr", "/history.atom",
                "/history.rss");
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : Stream.concat(paths.stream(), FRONT_PAGES.stream()).toList()) {
            ApiClient.Response response = api.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(200);
            bodies.put(path, FRONT_PAGES.contains(path) ? UPTIME.matcher(response.body()).replaceAll("")
                    : "ETag " + response.header("ETag") + "\n" + response.body());
        }
        return bodies;
    }

    private void append(String incident, long sequence, TranslationAdded translation) {
        var event = new GenericDomainEventMessage<>(AggregateTypes.INCIDENT, incident, sequence, translation,
                Map.of(AuditMetadata.ACTOR, "responder-before-the-upgrade", AuditMetadata.CHANNEL, "api"));
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(event));
    }

    private void awaitApplied(String projection, String incident, long sequence) {
        Eventually.until(() -> readStore.queryForObject("SELECT MIN(last_sequence) FROM projection_progress "
                        + "WHERE projection = ? AND aggregate_id = ?", Long.class, projection, incident),
                applied -> applied != null && applied >= sequence, projection + " past event " + sequence);
    }

    private String subscribe(String url, String component) {
        var response = api.post("/api/v1/subscribers").as(ADMIN)
                .json(Map.of("url", url, "secret", SECRET, "components", List.of(component))).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().get("id").asText();
        subscribers.add(id);
        return id;
    }

    private List<JsonNode> deliveries(String subscriber) {
        List<JsonNode> all = new ArrayList<>();
        api.get("/api/v1/subscribers/" + subscriber + "/deliveries").as(ADMIN).send().json().get("deliveries")
                .forEach(all::add);
        return all;
    }
}
