package io.incidenttimeline.api.axon;

import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cached incident holds only what the store holds: a command whose handler applied its event and was then refused
 * (here by {@link AuditMetadataGuard}, when the unit of work stages the event) rolls back, and the incident the next
 * command gets has nothing of it.
 */
class AggregateCacheApiTest extends ApiIntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore eventStore;

    @Test
    void anUpdateRefusedAfterItsEventWasAppliedLeavesNothingInTheCachedIncident() {
        String id = ApiClient.uniqueId("cache-refused");
        Incidents.declare(api, Bodies.declaration(id));
        Incidents.post(api, id, Bodies.update("identified", "Found it.")); // the incident is cached now

        // sent without the actor and channel every event must carry: applied, then refused before it is stored
        assertThatThrownBy(() -> commands.sendAndWait(new PostUpdate(id, "unattributed", IncidentStatus.RESOLVED,
                "Fixed.", Visibility.PUBLIC, Map.of(), null, null, null, null)))
                .hasMessageContaining("has no 'actor' metadata");

        var posted = api.post("/api/v1/incidents/" + id + "/updates").as(RESPONDER)
                .json(Bodies.with(Bodies.update("monitoring", "Watching."), "updateId", "unattributed")).send();
        assertThat(posted.status()).as("the refused update's id is free: %s", posted).isEqualTo(201);
        assertThat(posted.header("ETag")).isEqualTo("\"3\"");
        assertThat(eventStore.readEvents(id, 0L).asStream().map(DomainEventMessage::getPayloadType)
                .map(Class::getSimpleName)).as("not resolved: the refused update's IncidentResolved is gone")
                .containsExactly("IncidentDeclared", "UpdatePosted", "UpdatePosted", "UpdatePosted");
    }
}
