package io.incidenttimeline.api.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReadModels;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import io.incidenttimeline.projections.responder.ResponderViewProjection;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Axon delivers events a segment has already handled once more when it reopens a stream below the segment's position
 * (after a restart, or when a segment changes hands, if the segment's token lists gaps since filled). Here every
 * segment of the per-aggregate projections is moved back into the middle of an incident's events, which makes the
 * processor deliver its later events again: the read models must not change.
 */
class RedeliveredEventsApiTest extends ApiIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void eventsDeliveredASecondTimeChangeNoReadModel() {
        String incident = ApiClient.uniqueId("redelivered");
        Incidents.declare(api, Bodies.declaration(incident));
        Incidents.post(api, incident, Bodies.update("identified", "Cause found"));
        Incidents.post(api, incident, Bodies.update("resolved", "Fixed"));
        ReadModels.awaitCaughtUp(api);
        String publicView = api.get("/api/public/v1/incidents/" + incident).send().body();
        String metrics = api.get("/api/v1/incidents/" + incident + "/metrics").as(ApiClient.AUDITOR).send().body();
        List<Long> positions = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY globalIndex", Long.class, incident);

        // the metrics are in the responder view's processing group
        for (String processor : List.of(PublicViewProjection.NAME, ResponderViewProjection.NAME)) {
            moveBack(processor, positions.get(1));
        }
        ReadModels.awaitCaughtUp(api);

        assertThat(api.get("/api/public/v1/incidents/" + incident).send().body()).isEqualTo(publicView);
        assertThat(api.get("/api/v1/incidents/" + incident + "/metrics").as(ApiClient.AUDITOR).send().body())
                .isEqualTo(metrics);
        JsonNode updates = api.get("/api/public/v1/incidents/" + incident).send().json().get("updates");
        assertThat(updates).hasSize(3);
    }

    /** Stops the processor, sets every segment's token to just after {@code position}, and starts it again. */
    private void moveBack(String processorName, long position) {
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                for (int segment : tokenStore.fetchSegments(processorName)) {
                    tokenStore.fetchToken(processorName, segment);
                    tokenStore.storeToken(GapAwareTrackingToken.newInstance(position, Set.of()), processorName, segment);
                    tokenStore.releaseClaim(processorName, segment);
                }
            });
        } finally {
            processor.start();
        }
    }
}
