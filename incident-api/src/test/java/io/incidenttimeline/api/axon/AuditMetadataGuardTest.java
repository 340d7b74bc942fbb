package io.incidenttimeline.api.axon;

import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.core.incident.command.DeclareIncident;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An auditor must always learn who did something and how: an event without actor or channel is never stored. */
class AuditMetadataGuardTest extends ApiIntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private JdbcTemplate jdbc;

    private static DeclareIncident declaration(String id) {
        return new DeclareIncident(id, "Checkout fails", "en", Impact.MINOR, IncidentStatus.INVESTIGATING,
                "We are investigating.", Visibility.PUBLIC, Map.of(), List.of(), "update-1", null, null, null);
    }

    private void assertRefusedAndNothingStored(MetaData metadata, String missingKey) {
        String id = ApiClient.uniqueId("no-metadata");

        assertThatThrownBy(() -> commands.sendAndWait(declaration(id), metadata))
                .hasStackTraceContaining("has no '" + missingKey + "' metadata");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id)).isZero();
        assertThat(api.get("/api/v1/incidents/" + id + "/events").as(AUDITOR).send().status()).isEqualTo(404);
    }

    @Test
    void anEventWithoutAnActorIsNotWritten() {
        assertRefusedAndNothingStored(MetaData.with(AuditMetadata.CHANNEL, "api"), AuditMetadata.ACTOR);
    }

    @Test
    void anEventWithABlankActorIsNotWritten() {
        assertRefusedAndNothingStored(MetaData.with(AuditMetadata.CHANNEL, "api").and(AuditMetadata.ACTOR, " "),
                AuditMetadata.ACTOR);
    }

    @Test
    void anEventWithoutAChannelIsNotWritten() {
        assertRefusedAndNothingStored(MetaData.with(AuditMetadata.ACTOR, "someone"), AuditMetadata.CHANNEL);
    }

    @Test
    void withBothTheEventIsWritten() {
        String id = ApiClient.uniqueId("with-metadata");

        commands.sendAndWait(declaration(id), MetaData.with(AuditMetadata.ACTOR, "someone").and(AuditMetadata.CHANNEL, "test"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id)).isPositive();
    }
}
