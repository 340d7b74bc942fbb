package io.incidenttimeline.projections.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every segment of a processor as the token store has it, whichever node owns it: the owner of a live claim and the
 * position the segment has stored. A node only knows the progress of its own segments in memory; this is how it sees
 * the others'. Read without claiming anything.
 */
@Component
public class SegmentClaims {

    /** One segment: its owner while the claim is live (null once released or timed out) and its stored position. */
    public record Claim(int segment, String owner, Long position) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ProcessingProperties properties;
    private final Clock clock;

    public SegmentClaims(@ReadStore JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
                         ProcessingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Claim> of(String processor) {
        Instant now = clock.instant();
        return jdbc.query("SELECT segment, token, tokenType, timestamp, owner FROM TokenEntry WHERE processorName = ? "
                + "ORDER BY segment", (rs, row) -> {
            var entry = new GenericTokenEntry<>(rs.getBytes("token"), rs.getString("tokenType"),
                    rs.getString("timestamp"), rs.getString("owner"), processor, rs.getInt("segment"), byte[].class);
            boolean live = entry.getOwner() != null && entry.timestamp().plus(properties.claimTimeout()).isAfter(now);
            TrackingToken token = entry.getToken(serializer);
            Long position = token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
            return new Claim(entry.getSegment(), live ? entry.getOwner() : null, position);
        }, processor);
    }
}
