package io.incidenttimeline.projections.generation;

import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which generation of each read model queries read, and which one a replay is building beside it. Rows of every read
 * model carry their generation; a replay builds generation N+1 while queries keep reading N, and {@link #complete}
 * switches them over in one step. Kept in memory as well, since every handled event asks where to write.
 */
@Repository
public class ProjectionGenerations {

    /** The pointer of one projection; {@code building} is null unless a replay is under way. */
    public record State(String projection, int active, Integer building, Instant replayStartedAt, Long replayTarget,
                        Instant lastReplayCompletedAt) {

        public int writeTo() {
            return building != null ? building : active;
        }

        public boolean replaying() {
            return building != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public ProjectionGenerations(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public State state(String projection) {
        return states.computeIfAbsent(projection, this::load);
    }

    public List<State> all() {
        return jdbc.queryForList("SELECT projection FROM projection_generation ORDER BY projection", String.class)
                .stream().map(this::state).toList();
    }

    public int readGeneration(String projection) {
        return state(projection).active();
    }

    public int writeGeneration(String projection) {
        return state(projection).writeTo();
    }

    /** Starts building the next generation; returns it. */
    public synchronized int beginReplay(String projection, long targetPosition, Instant now) {
        State current = reload(projection);
        if (current.replaying()) {
            throw new IllegalStateException(projection + " is already being rebuilt into generation " + current.building());
        }
        int next = current.active() + 1;
        jdbc.update("UPDATE projection_generation SET building_generation = ?, replay_started_at = ?, "
                + "replay_target_position = ? WHERE projection = ?", next, Timestamps.column(now), targetPosition, projection);
        reload(projection);
        return next;
    }

    /** Gives up a replay that could not start: writes go back to the generation queries read. */
    public synchronized void abandonReplay(String projection) {
        jdbc.update("UPDATE projection_generation SET building_generation = NULL, replay_started_at = NULL, "
                + "replay_target_position = NULL WHERE projection = ?", projection);
        reload(projection);
    }

    /** Makes the generation being built the one queries read; returns the generation that was read before. */
    public synchronized int complete(String projection, Instant now) {
        State current = reload(projection);
        if (!current.replaying()) {
            throw new IllegalStateException(projection + " is not being rebuilt");
        }
        jdbc.update("UPDATE projection_generation SET active_generation = ?, building_generation = NULL, "
                + "replay_started_at = NULL, replay_target_position = NULL, last_replay_completed_at = ? "
                + "WHERE projection = ?", current.building(), Timestamps.column(now), projection);
        reload(projection);
        return current.active();
    }

    private State reload(String projection) {
        State loaded = load(projection);
        states.put(projection, loaded);
        return loaded;
    }

    private State load(String projection) {
        return jdbc.query("SELECT * FROM projection_generation WHERE projection = ?", (rs, row) -> new State(
                projection, rs.getInt("active_generation"), (Integer) rs.getObject("building_generation", Integer.class),
                Timestamps.instant(rs, "replay_started_at"), rs.getObject("replay_target_position", Long.class),
                Timestamps.instant(rs, "last_replay_completed_at")), projection).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no projection_generation row for " + projection));
    }
}
