package io.incidenttimeline.projections.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds projections beside themselves. The unit of a replay is a processing group: the read models of one group
 * share its processor, its tokens and its transactions, so a replay of any of them rebuilds them all. It points their
 * writes at their next generations, resets the processor's tokens to the start of the store and lets it run; queries
 * keep reading the last complete generations. A read model of the group that is not replaying (a replay begun before
 * it joined the group) is given the events again and skips them, as its per-aggregate progress tells it to.
 * A monitor watches the processor and, once its position has reached the head recorded when the tokens were reset,
 * switches queries to the new generation and drops the old one. It logs the progress every second while a replay runs.
 * <p>
 * With several nodes, the tokens can only be reset by a node holding every segment's claim. The replay is recorded in
 * the database first; every node's monitor sees it within a tenth of a second, stops its processor for the projection
 * (which releases its claims) and tries the reset; the one that gets all claims resets the tokens and records the head
 * to reach in the same transaction, and then every node starts its processor again. A claim held by a node that died
 * runs out after the claim timeout; a replay whose tokens could not be reset within {@link #RESET_DEADLINE} is
 * abandoned, and queries go on reading the live generation.
 * <p>
 * The position is a count, not a flag: after a reset {@code isReplaying()} can stay true and the caught-up flag is
 * only refreshed on the coordinator's next idle round. A segment's position is stored in the transaction of the batch
 * that reached it, so a position at or past the target in every segment means every event up to it is stored in the
 * new generation.
 */
@Component
public class ProjectionReplays implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    static final Duration CHECK_EVERY = Duration.ofMillis(100);
    static final Duration LOG_EVERY = Duration.ofSeconds(1);
    static final Duration RESET_DEADLINE = Duration.ofSeconds(60);
    static final Duration RETIRED_GRACE = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final ProjectionGenerations generations;
    private final Map<String, ReplayableProjection> projections;
    /** The processing group of each read model, by read model name. */
    private final Map<String, String> groups;
    private final SegmentClaims claims;
    private final EventStore events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    /** Processors this node stopped so that a replay can reset their tokens; started again once it has. */
    private final Set<String> stoppedForReset = ConcurrentHashMap.newKeySet();
    /** Old generations, switched away from, kept until reads that began before the switch have surely finished. */
    private final Queue<Retired> retired = new ConcurrentLinkedQueue<>();
    private volatile boolean unreachableReported;
    private ThreadPoolTaskScheduler monitor;
    /**
     * Deletes retired generations: at a million events that takes a minute, which neither a request for the next
     * replay nor the monitor (other projections' replays, other nodes waiting for this one's claims) should wait for.
     */
    private ThreadPoolTaskExecutor dropper;

    private record Retired(String projection, int generation, Instant dropAt) {
    }

    public ProjectionReplays(EventProcessingConfiguration processing, ProjectionGenerations generations,
                             Collection<ReplayableProjection> projections, SegmentClaims claims, EventStore events,
                             @ReadStore PlatformTransactionManager transactions, Clock clock) {
        this.processing = processing;
        this.generations = generations;
        this.projections = projections.stream()
                .collect(Collectors.toMap(ReplayableProjection::name, Function.identity(), (a, b) -> a, TreeMap::new));
        this.groups = this.projections.values().stream()
                .collect(Collectors.toMap(ReplayableProjection::name, ProcessingGroups::of, (a, b) -> a, TreeMap::new));
        this.claims = claims;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public List<ProjectionStatus> statuses() {
        return projections.keySet().stream().map(this::status).toList();
    }

    /** Starts rebuilding the read model's whole processing group; throws if a replay of that group is under way. */
    public synchronized ProjectionStatus replay(String name) {
        known(name);
        String group = groups.get(name);
        List<String> members = members(group);
        Instant now = clock.instant();
        Boolean begun = transaction.execute(status -> {
            for (String member : members) {
                if (generations.beginReplay(member, now).isEmpty()) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            return true;
        });
        if (!Boolean.TRUE.equals(begun)) {
            generations.refresh();
            throw new ReplayAlreadyRunning(name);
        }
        log.info("Replay of {} started: the next generations of {} are built from the start of the event store once "
                + "every node has let go of the processor", group, members);
        stopForReset(group);
        resetIfAllClaimsFree(group);
        return status(name);
    }

    public ProjectionStatus status(String name) {
        known(name);
        String group = groups.get(name);
        StreamingEventProcessor processor = processor(group);
        ProjectionGenerations.State state = generations.state(name);
        List<ProjectionStatus.SegmentStatus> segments = segments(group, processor.processingStatus());
        Long position = lowest(segments);
        long head = head();
        boolean caughtUp = head == 0 || position != null && position >= head;
        double percentage;
        double rate = 0;
        if (state.replaying()) {
            long target = state.replayTarget() == null ? head : state.replayTarget();
            long done = position == null || state.resetPending() ? 0 : Math.min(position, target);
            percentage = target <= 0 ? 100 : Math.floor(1000.0 * done / target) / 10;
            double seconds = Duration.between(state.replayStartedAt(), clock.instant()).toMillis() / 1000.0;
            rate = seconds <= 0 || done == 0 ? 0 : Math.round(done / seconds);
        } else {
            percentage = head <= 0 || position == null ? 100 : Math.floor(1000.0 * Math.min(position, head) / head) / 10;
        }
        return new ProjectionStatus(name, processor.getName(), processor.isRunning(), state.active(), state.building(),
                state.replaying() ? "replaying" : "live", position, head, percentage, rate, caughtUp,
                state.replayStartedAt(), state.replayTarget(), state.lastReplayCompletedAt(), segments);
    }

    /**
     * Follows every projection's replay on this node: lets go of a processor whose tokens a replay waits to reset (and
     * tries the reset), starts it again once they are, and switches a rebuilt projection over once it has caught up.
     */
    synchronized void check() {
        generations.refresh();
        for (Iterator<Retired> due = retired.iterator(); dropper != null && due.hasNext(); ) {
            Retired old = due.next();
            if (!clock.instant().isBefore(old.dropAt())) {
                due.remove();
                dropper.execute(() -> drop(old));
            }
        }
        for (String group : Set.copyOf(groups.values())) {
            List<ProjectionGenerations.State> pending = members(group).stream().map(generations::state)
                    .filter(ProjectionGenerations.State::resetPending).toList();
            if (!pending.isEmpty()) {
                stopForReset(group);
                if (!resetIfAllClaimsFree(group) && pending.stream().anyMatch(state ->
                        state.replayStartedAt().plus(RESET_DEADLINE).isBefore(clock.instant()))) {
                    pending.forEach(state -> generations.abandonReplay(state.projection(), state.building()));
                    log.error("Replay of {} abandoned: some node did not let go of the processor within {}; queries "
                            + "go on reading the generations they read", group, RESET_DEADLINE);
                }
                continue;
            }
            startAfterReset(group);
            for (String member : members(group)) {
                ProjectionGenerations.State state = generations.state(member);
                if (state.replaying()) {
                    followReplay(member, state);
                }
            }
        }
    }

    /** The read models of a processing group, by name. */
    private List<String> members(String group) {
        return groups.entrySet().stream().filter(entry -> entry.getValue().equals(group)).map(Map.Entry::getKey)
                .toList();
    }

    private void followReplay(String name, ProjectionGenerations.State state) {
        ProjectionStatus status = status(name);
        long target = state.replayTarget();
        boolean reached = target <= 0 || status.position() != null && status.position() >= target;
        if (reached) {
            int old = generations.complete(name, state.building(), clock.instant());
            lastLogged.remove(name);
            if (old < 0) {
                return;
            }
            // a read that picked the old generation just before the switch must still find it whole
            retired.add(new Retired(name, old, clock.instant().plus(RETIRED_GRACE)));
            log.info("Replay of {} complete: generation {} is live ({} events, {} events/s); generation {} is "
                    + "dropped in {}", name, state.building(), status.position(), status.eventsPerSecond(), old,
                    RETIRED_GRACE);
        } else if (lastLogged.getOrDefault(name, Instant.EPOCH).plus(LOG_EVERY).isBefore(clock.instant())) {
            lastLogged.put(name, clock.instant());
            log.info("Replay of {}: position {} of {} ({} %), {} events/s", name, status.position(), target,
                    status.percentage(), status.eventsPerSecond());
        }
    }

    /** Stops this node's processor, which releases its claims, and remembers to start it again. */
    private void stopForReset(String name) {
        StreamingEventProcessor processor = processor(name);
        if (processor.isRunning()) {
            stoppedForReset.add(name);
            processor.shutDown();
        }
    }

    private void startAfterReset(String name) {
        if (stoppedForReset.remove(name)) {
            processor(name).start();
        }
    }

    /**
     * Resets the group's tokens if no other node holds a claim, recording the head to reach for every read model of it
     * waiting for the reset, in the same transaction; returns whether it did (or another node just did).
     */
    private boolean resetIfAllClaimsFree(String group) {
        StreamingEventProcessor processor = processor(group);
        long[] target = new long[1];
        try {
            Boolean reset = transaction.execute(status -> {
                List<ProjectionGenerations.State> pending = members(group).stream().map(generations::current)
                        .filter(ProjectionGenerations.State::resetPending).toList();
                if (pending.isEmpty()) {
                    return false;
                }
                processor.resetTokens();
                target[0] = head();
                for (ProjectionGenerations.State state : pending) {
                    if (!generations.tokensReset(state.projection(), state.building(), target[0])) {
                        status.setRollbackOnly();
                        return false;
                    }
                }
                return true;
            });
            if (Boolean.TRUE.equals(reset)) {
                log.info("Replay of {}: tokens reset; building the next generations up to position {}", group,
                        target[0]);
            }
        } catch (UnableToClaimTokenException claimedElsewhere) {
            log.debug("Replay of {} waits for another node to let go of the processor: {}", group,
                    claimedElsewhere.getMessage());
            return false;
        }
        if (members(group).stream().map(generations::current).noneMatch(ProjectionGenerations.State::resetPending)) {
            startAfterReset(group);
            return true;
        }
        return false;
    }

    private List<ProjectionStatus.SegmentStatus> segments(String name, Map<Integer, EventTrackerStatus> local) {
        return claims.of(name).stream().map(claim -> {
            EventTrackerStatus mine = local.get(claim.segment());
            OptionalLong fresher = mine == null ? OptionalLong.empty() : mine.getCurrentPosition();
            Long position = fresher.isPresent() && (claim.position() == null || fresher.getAsLong() > claim.position())
                    ? Long.valueOf(fresher.getAsLong()) : claim.position();
            return new ProjectionStatus.SegmentStatus(claim.segment(), claim.owner(), position);
        }).toList();
    }

    private static Long lowest(List<ProjectionStatus.SegmentStatus> segments) {
        Long lowest = null;
        for (ProjectionStatus.SegmentStatus segment : segments) {
            if (segment.position() == null) {
                return null;
            }
            lowest = lowest == null ? segment.position() : Math.min(lowest, segment.position());
        }
        return lowest;
    }

    private void drop(Retired old) {
        try {
            projections.get(old.projection()).deleteGeneration(old.generation());
            log.info("Replay of {}: the old generation {} is dropped", old.projection(), old.generation());
        } catch (RuntimeException e) {
            log.warn("Dropping generation {} of {} failed; trying again in {}: {}", old.generation(), old.projection(),
                    RETIRED_GRACE, StorageOutage.describe(e));
            retired.add(new Retired(old.projection(), old.generation(), clock.instant().plus(RETIRED_GRACE)));
        }
    }

    private ReplayableProjection known(String name) {
        ReplayableProjection projection = projections.get(name);
        if (projection == null) {
            throw new ProjectionNotFound(name, projections.keySet());
        }
        return projection;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming event processor for the projection " + name));
    }

    private long head() {
        return HeadPosition.of(events).orElse(0);
    }

    @Override
    public synchronized void start() {
        dropper = BackgroundThreads.worker("projection-generation-dropper");
        monitor = BackgroundThreads.scheduler("projection-replays");
        monitor.scheduleWithFixedDelay(this::checkSafely, monitor.getClock().instant().plus(CHECK_EVERY), CHECK_EVERY);
    }

    private void checkSafely() {
        try {
            check();
            if (unreachableReported) {
                unreachableReported = false;
                log.info("Following the projection replays again: the database is reachable");
            }
        } catch (RuntimeException e) {
            if (!StorageOutage.isUnavailable(e)) {
                log.warn("Checking the projection replays failed; trying again", e);
            } else if (!unreachableReported) {
                unreachableReported = true;
                log.warn("Checking the projection replays waits for the database: {}", StorageOutage.describe(e));
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (monitor != null) {
            monitor.shutdown();
            monitor = null;
        }
        if (dropper != null) {
            dropper.shutdown();
            dropper = null;
        }
    }

    @Override
    public boolean isRunning() {
        return monitor != null;
    }
}
