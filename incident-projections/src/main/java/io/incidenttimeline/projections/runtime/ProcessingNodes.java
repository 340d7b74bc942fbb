package io.incidenttimeline.projections.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The nodes sharing this database (table {@code processing_node}). Every node says it is alive each claim interval; a
 * node not heard of within the claim timeout is gone. A node claims at most its fair share of each processor's
 * segments, the segment count divided by the live nodes (rounded up), so two nodes split four segments two and two,
 * and a survivor takes all of them once the other is gone.
 * <p>
 * Two live processes with one node name would both believe they own the same claims and handle the same events, so a
 * node refuses to start while another process keeps the row of its name fresh. A node restarted under its old name
 * waits until its previous instance's row has gone stale (at most the claim timeout).
 */
@Component
public class ProcessingNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessingNodes.class);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProcessingProperties properties;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile int liveNodes = 1;
    private volatile boolean unreachableReported;
    private ThreadPoolTaskScheduler heartbeat;

    private record Row(String instanceId, Instant lastSeen) {
    }

    public ProcessingNodes(@ReadStore JdbcTemplate jdbc, Clock clock, ProcessingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        register();
    }

    public String nodeName() {
        return properties.nodeName();
    }

    /** The nodes heard of within the claim timeout, this one included. */
    public int liveNodes() {
        return liveNodes;
    }

    /** This node's fair share of a processor with {@code segments} segments. */
    public int fairShare(int segments) {
        return Math.max(1, (segments + liveNodes - 1) / liveNodes);
    }

    private void register() {
        Optional<Row> seen = row();
        while (seen.isPresent() && !stale(seen.get())) {
            sleep(properties.claimInterval().dividedBy(2));
            Optional<Row> again = row();
            if (again.isPresent() && again.get().instanceId().equals(seen.get().instanceId())
                    && again.get().lastSeen().isAfter(seen.get().lastSeen())) {
                throw new IllegalStateException("another running node is named " + nodeName() + "; every node needs "
                        + "a name of its own (incident.processing.node-name), or both would handle the same events");
            }
            seen = again;
        }
        Instant now = clock.instant();
        jdbc.update("DELETE FROM processing_node WHERE node_name = ?", nodeName());
        jdbc.update("INSERT INTO processing_node (node_name, instance_id, started_at, last_seen) VALUES (?, ?, ?, ?)",
                nodeName(), instanceId, column(now), column(now));
        countLiveNodes(now);
        log.info("Processing node {} joined; {} node(s) live; claims time out after {}", nodeName(), liveNodes,
                properties.claimTimeout());
    }

    /** Says this node is alive and counts the live nodes; a failure (database unreachable) keeps the last count. */
    void beat() {
        try {
            Instant now = clock.instant();
            int updated = jdbc.update("UPDATE processing_node SET last_seen = ? WHERE node_name = ? AND instance_id = ?",
                    column(now), nodeName(), instanceId);
            if (updated == 0 && row().isEmpty()) {
                jdbc.update("INSERT INTO processing_node (node_name, instance_id, started_at, last_seen) "
                        + "VALUES (?, ?, ?, ?)", nodeName(), instanceId, column(now), column(now));
            }
            jdbc.update("DELETE FROM processing_node WHERE last_seen < ?", column(now.minus(FORGET_AFTER)));
            int before = liveNodes;
            countLiveNodes(now);
            if (before != liveNodes) {
                log.info("{} processing node(s) live (was {}); this node now claims up to {} of {} segments",
                        liveNodes, before, fairShare(properties.segments()), properties.segments());
            }
            if (unreachableReported) {
                unreachableReported = false;
                log.info("Processing node {} reaches the database again", nodeName());
            }
        } catch (RuntimeException e) {
            if (!StorageOutage.isUnavailable(e)) {
                log.warn("Processing node {} could not report itself alive", nodeName(), e);
            } else if (!unreachableReported) {
                unreachableReported = true;
                log.warn("Processing node {} cannot reach the database: {}", nodeName(), StorageOutage.describe(e));
            }
        }
    }

    private void countLiveNodes(Instant now) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM processing_node WHERE last_seen > ?", Integer.class,
                column(now.minus(properties.claimTimeout())));
        liveNodes = Math.max(1, count == null ? 1 : count);
    }

    private Optional<Row> row() {
        return jdbc.query("SELECT instance_id, last_seen FROM processing_node WHERE node_name = ?",
                (rs, n) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()), nodeName())
                .stream().findFirst();
    }

    private boolean stale(Row row) {
        return row.lastSeen().plus(properties.claimTimeout()).isBefore(clock.instant());
    }

    private static OffsetDateTime column(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the node name to be free", e);
        }
    }

    @Override
    public synchronized void start() {
        heartbeat = BackgroundThreads.scheduler("processing-node-heartbeat");
        Duration every = properties.claimInterval();
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeat.getClock().instant().plus(every), every);
    }

    /** Leaving says so at once, so the other nodes take over this node's segments without waiting for the timeout. */
    @Override
    public synchronized void stop() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdown();
        heartbeat = null;
        try {
            jdbc.update("DELETE FROM processing_node WHERE node_name = ? AND instance_id = ?", nodeName(), instanceId);
        } catch (RuntimeException e) {
            log.warn("Processing node {} could not say it is leaving: {}", nodeName(), e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }
}
