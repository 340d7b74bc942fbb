package io.incidenttimeline.api.audit;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the audit tests share on top of the one application context: an incident of their own whose events they know by
 * position, and checkpoints that cover them. Plain SQL only, so the same tests run on H2 and PostgreSQL.
 */
public abstract class AuditIntegrationTest extends ApiIntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    /** An event of the test's own incident: its global position and id. */
    protected record Event(long position, String eventId) {
    }

    /** Declares an incident and posts updates to it through the API; returns all its events in order. */
    protected List<Event> incidentWithUpdates(int updates) {
        String id = ApiClient.uniqueId("audit");
        var declared = api.post("/api/v1/incidents").as(RESPONDER).json(Bodies.declaration(id)).send();
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        for (int i = 1; i <= updates; i++) {
            var posted = api.post("/api/v1/incidents/" + id + "/updates").as(RESPONDER)
                    .json(Bodies.update("identified", "Update number " + i + ": we found the cause.")).send();
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        }
        List<Event> events = jdbc.query("SELECT globalIndex, eventIdentifier FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                (row, n) -> new Event(row.getLong(1), row.getString(2)), id);
        assertThat(events).hasSizeGreaterThan(updates);
        return events;
    }

    /**
     * Asks for checkpoints until one covers the position. The chain waits out young gaps in the global index
     * (gap-settle-time, PT2S in tests), so the first one may stop short when another test just left a gap.
     */
    protected JsonNode checkpointCovering(long position) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            var created = api.post("/api/v1/audit/checkpoints").as(ADMIN).send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode signed = created.json();
            if (signed.get("checkpoint").get("position").asLong() >= position || System.nanoTime() > deadline) {
                assertThat(signed.get("checkpoint").get("position").asLong()).isGreaterThanOrEqualTo(position);
                return signed;
            }
            pause();
        }
    }

    protected JsonNode verify() {
        var response = api.get("/api/v1/audit/verify").as(AUDITOR).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    protected static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
