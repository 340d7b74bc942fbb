package io.incidenttimeline.api.admin;

import io.incidenttimeline.api.problem.ApiProblem;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections beside themselves. A replay points the projection's writes at the next generation, resets the
 * processor's token to the start of the store and lets it run; queries keep reading the last complete generation.
 * A monitor watches the processor and, once its position has reached the head recorded when the replay began, switches
 * queries to the new generation and drops the old one. It logs the progress every second while a replay runs.
 * <p>
 * The position is a count, not a flag: after a reset {@code isReplaying()} can stay true and the caught-up flag is
 * only refreshed on the coordinator's next idle round (up to the token claim interval, seconds later). A pooled
 * streaming processor advances a segment's reported position after the batch's transaction has committed, so a
 * position at or past the target means every event up to it is stored in the new generation.
 */
@Component
public class ProjectionReplays implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    static final Duration CHECK_EVERY = Duration.ofMillis(100);
    static final Duration LOG_EVERY = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final ProjectionGenerations generations;
    private final Map<String, ReplayableProjection> projections;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    private ScheduledExecutorService monitor;
    /** Old generations, switched away from, kept until reads that began before the switch have surely finished. */
    private final Map<String, Retired> retired = new java.util.concurrent.ConcurrentHashMap<>();

    private record Retired(int generation, Instant dropAt) {
    }

    static final Duration RETIRED_GRACE = Duration.ofSeconds(10);

    public ProjectionReplays(EventProcessingConfiguration processing, ProjectionGenerations generations,
                             Collection<ReplayableProjection> projections, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.generations = generations;
        this.projections = projections.stream()
                .collect(Collectors.toMap(ReplayableProjection::name, Function.identity(), (a, b) -> a, TreeMap::new));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ProjectionStatus> statuses() {
        return projections.keySet().stream().map(this::status).toList();
    }

    public synchronized ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(known(name).name());
        if (generations.state(name).replaying()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "replay-in-progress", "name",
                    name + " is being rebuilt already; follow its progress at GET /api/v1/admin/projections");
        }
        long head = head();
        dropRetired(name);
        int generation = generations.beginReplay(name, head, clock.instant());
        log.info("Replay of {} started: building generation {} from the start of the event store up to position {}",
                name, generation, head);
        try {
            processor.shutDown();
            processor.resetTokens();
        } catch (RuntimeException e) {
            generations.abandonReplay(name);
            log.error("Replay of {} could not start; it goes on reading and writing generation {}", name,
                    generation - 1, e);
            throw e;
        } finally {
            processor.start();
        }
        return status(name);
    }

    public ProjectionStatus status(String name) {
        known(name);
        StreamingEventProcessor processor = processor(name);
        ProjectionGenerations.State state = generations.state(name);
        Collection<EventTrackerStatus> trackers = processor.processingStatus().values();
        Long position = position(trackers);
        boolean caughtUp = !trackers.isEmpty() && trackers.stream().allMatch(EventTrackerStatus::isCaughtUp);
        long head = head();
        double percentage;
        double rate = 0;
        if (state.replaying()) {
            long target = state.replayTarget() == null ? head : state.replayTarget();
            long done = position == null ? 0 : Math.min(position, target);
            percentage = target <= 0 ? 100 : Math.floor(1000.0 * done / target) / 10;
            double seconds = Duration.between(state.replayStartedAt(), clock.instant()).toMillis() / 1000.0;
            rate = seconds <= 0 || position == null ? 0 : Math.round(position / seconds);
        } else {
            percentage = head <= 0 || position == null ? 100 : Math.floor(1000.0 * Math.min(position, head) / head) / 10;
        }
        return new ProjectionStatus(name, processor.getName(), processor.isRunning(), state.active(), state.building(),
                state.replaying() ? "replaying" : "live", position, head, percentage, rate, caughtUp,
                state.replayStartedAt(), state.replayTarget(), state.lastReplayCompletedAt());
    }

    /** Switches a replayed projection over once its processor has caught up with the head the replay started at. */
    synchronized void check() {
        retired.forEach((name, old) -> {
            if (!clock.instant().isBefore(old.dropAt())) {
                dropRetired(name);
            }
        });
        for (String name : projections.keySet()) {
            ProjectionGenerations.State state = generations.state(name);
            if (!state.replaying()) {
                continue;
            }
            ProjectionStatus status = status(name);
            long target = state.replayTarget() == null ? 0 : state.replayTarget();
            boolean reached = target <= 0 ? status.caughtUp() : status.position() != null && status.position() >= target;
            if (reached) {
                int old = generations.complete(name, clock.instant());
                // a read that picked the old generation just before the switch must still find it whole
                retired.put(name, new Retired(old, clock.instant().plus(RETIRED_GRACE)));
                lastLogged.remove(name);
                log.info("Replay of {} complete: generation {} is live ({} events, {} events/s); generation {} is "
                        + "dropped in {}", name, status.buildingGeneration(), status.position(), status.eventsPerSecond(),
                        old, RETIRED_GRACE);
            } else if (lastLogged.getOrDefault(name, Instant.EPOCH).plus(LOG_EVERY).isBefore(clock.instant())) {
                lastLogged.put(name, clock.instant());
                log.info("Replay of {}: position {} of {} ({} %), {} events/s", name, status.position(), target,
                        status.percentage(), status.eventsPerSecond());
            }
        }
    }

    private void dropRetired(String name) {
        Retired old = retired.remove(name);
        if (old != null) {
            projections.get(name).deleteGeneration(old.generation());
        }
    }

    private ReplayableProjection known(String name) {
        ReplayableProjection projection = projections.get(name);
        if (projection == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "projection-not-found", "name",
                    "no projection named " + name + "; known are " + String.join(", ", projections.keySet()));
        }
        return projection;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming event processor for the projection " + name));
    }

    private static Long position(Collection<EventTrackerStatus> trackers) {
        Long lowest = null;
        for (EventTrackerStatus tracker : trackers) {
            OptionalLong position = tracker.getCurrentPosition();
            if (position.isEmpty()) {
                return null;
            }
            lowest = lowest == null ? position.getAsLong() : Math.min(lowest, position.getAsLong());
        }
        return lowest;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? 0 : head;
    }

    @Override
    public synchronized void start() {
        monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-replays");
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleWithFixedDelay(this::checkSafely, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking the projection replays failed; trying again", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (monitor != null) {
            monitor.shutdownNow();
            monitor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return monitor != null;
    }
}
