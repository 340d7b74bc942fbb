package io.incidenttimeline.api.audit;

import io.incidenttimeline.projections.audit.AuditProperties;
import io.incidenttimeline.projections.audit.chain.ChainExtender;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointService;
import io.incidenttimeline.api.storage.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Keeps the stored chain close to the head and signs a checkpoint at the configured interval. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

    private final AuditProperties properties;
    private final ChainExtender chain;
    private final CheckpointService checkpoints;

    AuditSchedule(AuditProperties properties, ChainExtender chain, CheckpointService checkpoints) {
        this.properties = properties;
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(guarded("extending the audit chain", chain::extend), properties.chainInterval());
        Runnable checkpoint = guarded("signing a checkpoint", () -> checkpoints.createIfAdvanced()
                .ifPresent(c -> log.info("signed audit checkpoint at position {}", c.checkpoint().position())));
        tasks.addFixedDelayTask(new FixedDelayTask(checkpoint, properties.checkpointInterval(),
                properties.checkpointInterval()));
    }

    /**
     * A failed run is logged and retried at the next interval; it must not end the schedule. An unreachable database
     * is logged in one line: the run after it comes back catches up.
     */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (StorageFailures.isUnavailable(e)) {
                    log.warn("{} waits for the database: {}", what, StorageFailures.describe(e));
                } else {
                    log.error("{} failed; retrying at the next interval", what, e);
                }
            }
        };
    }
}
