package io.incidenttimeline.projections.runtime;

import io.incidenttimeline.projections.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import io.incidenttimeline.projections.support.ReadStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which generation of each read model queries read, and which one a replay is building beside it. Rows of every read
 * model carry their generation; a replay builds generation N+1 while queries keep reading N, and {@link #complete}
 * switches them over in one step.
 * <p>
 * Several nodes share these pointers, and any of them may start a replay or finish one. Queries read a copy kept in
 * memory, which {@link #refresh()} renews (the replay monitor does so every tenth of a second). Event handlers must
 * never write into a generation another node has moved away from, so {@link #writeGeneration} reads the pointer from
 * the database once per batch, in the batch's own transaction: a batch runs under its segment's claim, and a replay
 * resets the tokens only once it holds every claim, so a batch either ends before the reset or sees it.
 */
@Repository
public class ProjectionGenerations {

    /**
     * The pointer of one projection; {@code building} is null unless a replay is under way, and {@code replayTarget}
     * is null while the replay waits for every node to let go of the projection's segments (its tokens are not reset
     * yet); it is the head of the event store when they were.
     */
    public record State(String projection, int active, Integer building, Instant replayStartedAt, Long replayTarget,
                        Instant lastReplayCompletedAt) {

        /** Events go to the generation being built once the tokens were reset; until then the live one stays fresh. */
        public int writeTo() {
            return building != null && replayTarget != null ? building : active;
        }

        public boolean replaying() {
            return building != null;
        }

        public boolean resetPending() {
            return building != null && replayTarget == null;
        }
    }

    private static final String BATCH_RESOURCE = ProjectionGenerations.class.getName() + ".write:";

    private final JdbcTemplate jdbc;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public ProjectionGenerations(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The pointer as this node last read it. */
    public State state(String projection) {
        return states.computeIfAbsent(projection, this::load);
    }

    /** The pointer as stored now. */
    public State current(String projection) {
        return reload(projection);
    }

    public List<State> all() {
        return jdbc.queryForList("SELECT projection FROM projection_generation ORDER BY projection", String.class)
                .stream().map(this::state).toList();
    }

    /** Reads every pointer from the database again: other nodes may have started or finished a replay. */
    public void refresh() {
        jdbc.query("SELECT * FROM projection_generation", (rs, row) -> state(rs)).forEach(s -> states.put(s.projection(), s));
    }

    public int readGeneration(String projection) {
        return state(projection).active();
    }

    /** Where an event handler writes: read once per batch, from the database (see the class). */
    public int writeGeneration(String projection) {
        if (CurrentUnitOfWork.isStarted()) {
            return CurrentUnitOfWork.get().root().getOrComputeResource(BATCH_RESOURCE + projection,
                    key -> reload(projection).writeTo());
        }
        return reload(projection).writeTo();
    }

    /**
     * Starts building the next generation and returns it, or returns empty when a replay is under way already (also
     * one another node started a moment ago).
     */
    public synchronized OptionalInt beginReplay(String projection, Instant now) {
        State current = reload(projection);
        int next = current.active() + 1;
        int updated = jdbc.update("UPDATE projection_generation SET building_generation = ?, replay_started_at = ?, "
                + "replay_target_position = NULL WHERE projection = ? AND building_generation IS NULL", next,
                Timestamps.column(now), projection);
        reload(projection);
        return updated == 1 ? OptionalInt.of(next) : OptionalInt.empty();
    }

    /** Records that the projection's tokens were reset, with the head of the store the replay has to reach. */
    public synchronized boolean tokensReset(String projection, int building, long targetPosition) {
        int updated = jdbc.update("UPDATE projection_generation SET replay_target_position = ? WHERE projection = ? "
                + "AND building_generation = ? AND replay_target_position IS NULL", targetPosition, projection, building);
        reload(projection);
        return updated == 1;
    }

    /** Gives up a replay that could not start: writes go back to the generation queries read. */
    public synchronized void abandonReplay(String projection, int building) {
        jdbc.update("UPDATE projection_generation SET building_generation = NULL, replay_started_at = NULL, "
                + "replay_target_position = NULL WHERE projection = ? AND building_generation = ?", projection, building);
        reload(projection);
    }

    /**
     * Makes the generation being built the one queries read and returns the generation read before, or -1 when
     * another node switched it over first.
     */
    public synchronized int complete(String projection, int building, Instant now) {
        State current = reload(projection);
        if (current.building() == null || current.building() != building) {
            return -1;
        }
        int updated = jdbc.update("UPDATE projection_generation SET active_generation = ?, building_generation = NULL, "
                + "replay_started_at = NULL, replay_target_position = NULL, last_replay_completed_at = ? "
                + "WHERE projection = ? AND building_generation = ?", building, Timestamps.column(now), projection,
                building);
        reload(projection);
        return updated == 1 ? current.active() : -1;
    }

    private State reload(String projection) {
        State loaded = load(projection);
        states.put(projection, loaded);
        return loaded;
    }

    private State load(String projection) {
        return jdbc.query("SELECT * FROM projection_generation WHERE projection = ?", (rs, row) -> state(rs), projection)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no projection_generation row for " + projection));
    }

    private static State state(ResultSet rs) throws SQLException {
        return new State(rs.getString("projection"), rs.getInt("active_generation"),
                (Integer) rs.getObject("building_generation", Integer.class),
                Timestamps.instant(rs, "replay_started_at"), rs.getObject("replay_target_position", Long.class),
                Timestamps.instant(rs, "last_replay_completed_at"));
    }
}
