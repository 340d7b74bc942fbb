package io.incidenttimeline.api.application;

import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application layer on its own: commands sent for an actor answer results and refusals, with no HTTP about. */
class CommandsTest extends ApiIntegrationTest {

    private static final Actor SCHEDULER = new Actor("test-scheduler", "system", "scheduler", "corr-commands-test");

    @Autowired
    private Commands commands;

    @Autowired
    private RequestFingerprints fingerprints;

    @Autowired
    private JdbcTemplate eventStore;

    @Test
    void aDeclarationAnswersTheNewVersionAndTheIdsAndCarriesTheActorOntoItsEvents() {
        String id = uniqueId("app-declare");
        CommandResult result = commands.send(declaration(id, "upd-first"), SCHEDULER);
        assertThat(result).isEqualTo(new CommandResult(1, id, "upd-first", true, false));

        var events = api.get("/api/v1/incidents/" + id + "/events").as(ApiClient.RESPONDER).send().json().get("events");
        assertThat(events.get(0).at("/metadata/actor").asText()).isEqualTo("test-scheduler");
        assertThat(events.get(0).at("/metadata/channel").asText()).isEqualTo("scheduler");
        assertThat(events.get(0).at("/metadata/correlationId").asText()).isEqualTo("corr-commands-test");
    }

    @Test
    void declaringAnIdAgainIsARefusalOfTheDomain() {
        String id = uniqueId("app-twice");
        commands.send(declaration(id, "upd-1"), SCHEDULER);
        CommandRefused refused = catchThrowableOfType(CommandRefused.class,
                () -> commands.send(declaration(id, "upd-2"), SCHEDULER));
        assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.RULE_VIOLATION);
        assertThat(refused.refusal().type()).isEqualTo("incident-already-declared");
        assertThat(refused.replayed()).isFalse();
    }

    @Test
    void aRepeatUnderTheSameKeyGetsTheStoredResultAndAddsNoEvent() {
        String id = uniqueId("app-replay");
        commands.send(declaration(id, "upd-1"), SCHEDULER);
        Actor keyed = SCHEDULER.withIdempotencyKey(uniqueId("key"), fingerprints.of("test", "the update"));
        CommandResult first = commands.send(update(id, "upd-generated-first", null), keyed);
        CommandResult again = commands.send(update(id, "upd-generated-again", null), keyed);

        assertThat(first).isEqualTo(new CommandResult(2, id, "upd-generated-first", false, false));
        assertThat(again).isEqualTo(new CommandResult(2, id, "upd-generated-first", false, true));
        assertThat(commands.previous(keyed)).contains(again);
        assertThat(commands.send(update(id, "upd-unkeyed", null), SCHEDULER).version()).isEqualTo(3);
    }

    @Test
    void aKeyGivenAgainForAnotherRequestIsRefused() {
        String id = uniqueId("app-reused");
        commands.send(declaration(id, "upd-1"), SCHEDULER);
        String key = uniqueId("key");
        commands.send(update(id, "upd-2", null), SCHEDULER.withIdempotencyKey(key, fingerprints.of("test", "one")));
        Actor reusing = SCHEDULER.withIdempotencyKey(key, fingerprints.of("test", "another"));
        CommandRefused refused = catchThrowableOfType(CommandRefused.class,
                () -> commands.send(update(id, "upd-3", null), reusing));
        assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aRefusalIsRememberedForItsKeyAndAStaleVersionIsToldApart() {
        String id = uniqueId("app-refused");
        commands.send(declaration(id, "upd-1"), SCHEDULER);
        Actor keyed = SCHEDULER.withIdempotencyKey(uniqueId("key"), fingerprints.of("test", "a taken update id"));
        CommandRefused refused = catchThrowableOfType(CommandRefused.class,
                () -> commands.send(update(id, "upd-1", null), keyed));
        assertThat(refused.refusal().type()).isEqualTo("update-id-taken");
        CommandRefused replayed = catchThrowableOfType(CommandRefused.class,
                () -> commands.send(update(id, "upd-free", null), keyed));
        assertThat(replayed.refusal()).isEqualTo(refused.refusal());
        assertThat(replayed.replayed()).isTrue();

        CommandRefused stale = catchThrowableOfType(CommandRefused.class,
                () -> commands.send(update(id, "upd-stale", 0L), SCHEDULER));
        assertThat(stale.refusal().kind()).isEqualTo(Refusal.Kind.STALE_VERSION);
        assertThat(stale.refusal().type()).isEqualTo("version-mismatch");
    }

    @Test
    void recordsStoredAsHttpResponsesBeforeVersion20AreAnsweredAsResultsAndRefusals() {
        Actor accepted = SCHEDULER.withIdempotencyKey(uniqueId("old-key"), fingerprints.of("test", "accepted"));
        storeOldResponse(accepted, 201, "\"4\"", "{\"incidentId\":\"inc-old\",\"updateId\":\"upd-old\",\"version\":4}");
        assertThat(commands.previous(accepted)).contains(new CommandResult(4, "inc-old", "upd-old", true, true));

        Actor refused = SCHEDULER.withIdempotencyKey(uniqueId("old-key"), fingerprints.of("test", "refused"));
        storeOldResponse(refused, 409, null, "{\"type\":\"/problems/update-id-taken\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"taken\",\"field\":\"updateId\"}");
        CommandRefused replayed = catchThrowableOfType(CommandRefused.class, () -> commands.previous(refused));
        assertThat(replayed.refusal()).isEqualTo(new Refusal(Refusal.Kind.RULE_VIOLATION, "update-id-taken", "updateId",
                "taken"));
        assertThat(replayed.replayed()).isTrue();
    }

    private void storeOldResponse(Actor actor, int status, String etag, String body) {
        eventStore.update("INSERT INTO idempotency_record (principal, idempotency_key, request_fingerprint, "
                        + "response_status, response_content_type, response_etag, response_body, created_at) "
                        + "VALUES (?, ?, ?, ?, 'application/json', ?, ?, ?)", actor.name(), actor.idempotencyKey(),
                actor.requestFingerprint(), status, etag, body, Timestamp.from(Instant.now()));
    }

    private static DeclareIncident declaration(String id, String updateId) {
        return new DeclareIncident(id, "Checkout fails", "en", Impact.MAJOR, IncidentStatus.INVESTIGATING,
                "We are looking into it.", Visibility.PUBLIC, Map.of(), List.of(), updateId, null, null, null);
    }

    private static PostUpdate update(String id, String updateId, Long expectedVersion) {
        return new PostUpdate(id, updateId, IncidentStatus.IDENTIFIED, "Found it.", Visibility.PUBLIC, Map.of(), null,
                null, null, expectedVersion);
    }
}
