package io.incidenttimeline.projections.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;

/**
 * The thread of a pooled streaming processor's coordinator, which reads the events and hands them to the work
 * packages. When a work package's buffer is full (1,024 events), Axon 4.13's coordinator looks again only after a
 * fixed {@value #AXON_FULL_BUFFER_PAUSE_MS} ms ({@code Coordinator.CoordinationTask#run}, "No space available in work
 * packages"), and a wake-up meanwhile is dropped: in a replay a work package folds its 1,000 events in a fraction of
 * that and then waits for the rest of it (the single audit-trail work package was idle three quarters of a rebuild).
 * This executor runs that one retry after {@link #FULL_BUFFER_RETRY} instead; every other delay stays as Axon asks.
 */
final class PromptCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    static final long AXON_FULL_BUFFER_PAUSE_MS = 100;
    static final Duration FULL_BUFFER_RETRY = Duration.ofMillis(2);

    PromptCoordinatorExecutor(String processor) {
        super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        if (unit.toMillis(delay) == AXON_FULL_BUFFER_PAUSE_MS) {
            return super.schedule(task, FULL_BUFFER_RETRY.toNanos(), TimeUnit.NANOSECONDS);
        }
        return super.schedule(task, delay, unit);
    }
}
