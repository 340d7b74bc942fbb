package io.incidenttimeline.api.subscriber;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: looks for due deliveries every poll interval and whenever the processor has committed
 * new ones, claims them, sends them on a few threads and records each attempt with the delivery's next state. On
 * shutdown it takes no new work and lets sends in flight finish; what is pending carries on after a restart.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private final DeliveryOutbox outbox;
    private final WebhookSender sender;
    private final RetryPolicy policy;
    private final WebhookProperties.Delivery settings;
    private final Clock clock;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean running;
    private ThreadPoolTaskScheduler poller;
    private ThreadPoolTaskExecutor senders;
    private Semaphore slots;

    DeliveryDispatcher(DeliveryOutbox outbox, WebhookSender sender, WebhookProperties properties, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = properties.delivery();
        this.policy = RetryPolicy.of(settings);
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        slots = new Semaphore(settings.concurrency());
        poller = new ThreadPoolTaskScheduler();
        poller.setThreadNamePrefix("webhook-dispatcher-");
        poller.setDaemon(true);
        // a round under way hands what it claimed to the senders before they stop taking work
        poller.setWaitForTasksToCompleteOnShutdown(true);
        poller.setAwaitTerminationSeconds(10);
        poller.initialize();
        senders = new ThreadPoolTaskExecutor();
        senders.setThreadNamePrefix("webhook-sender-");
        senders.setDaemon(true);
        senders.setCorePoolSize(settings.concurrency());
        senders.setMaxPoolSize(settings.concurrency());
        senders.setWaitForTasksToCompleteOnShutdown(true);
        senders.setAwaitTerminationMillis(
                settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(1).toMillis());
        senders.initialize();
        running = true;
        poller.scheduleWithFixedDelay(this::dispatch, settings.pollInterval());
    }

    @Override
    public synchronized void stop() {
        running = false;
        // the poller first, then the senders, each waiting for what it runs (a send for its timeouts at most)
        poller.shutdown();
        senders.shutdown();
        if (!senders.getThreadPoolExecutor().isTerminated()) {
            senders.getThreadPoolExecutor().shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Looks for due deliveries now rather than at the next poll. */
    void wake() {
        if (running && wakeQueued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    wakeQueued.set(false);
                    dispatch();
                });
            } catch (RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    private void dispatch() {
        try {
            while (running) {
                int free = slots.availablePermits();
                if (free == 0) {
                    return;
                }
                Instant now = clock.instant();
                List<DeliveryOutbox.DueDelivery> due = outbox.claimDue(now, free, now.plus(claimDuration()));
                for (DeliveryOutbox.DueDelivery delivery : due) {
                    slots.acquireUninterruptibly();
                    senders.execute(() -> send(delivery));
                }
                if (due.size() < free) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("looking for webhook deliveries failed; trying again at the next poll", e);
        }
    }

    private void send(DeliveryOutbox.DueDelivery delivery) {
        try {
            Attempt result = sender.send(delivery);
            int attempt = delivery.attempts() + 1;
            Instant at = clock.instant();
            RetryPolicy.Decision decision = policy.after(attempt, result, at);
            outbox.record(delivery.deliveryId(), attempt, result, decision, at);
            if (decision.status() == DeliveryStatus.FAILED) {
                log.warn("webhook delivery {} to {} given up after attempt {}: {}", delivery.deliveryId(),
                        delivery.url(), attempt, result.error());
            } else if (decision.status() == DeliveryStatus.PENDING) {
                log.info("webhook delivery {} to {} failed (attempt {}: {}); next attempt at {}", delivery.deliveryId(),
                        delivery.url(), attempt, result.error(), decision.nextAttemptAt());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("webhook delivery {} could not be recorded; it is sent again when its claim lapses",
                    delivery.deliveryId(), e);
        } finally {
            slots.release();
            wake();
        }
    }

    /** Long enough for one attempt to finish; a claim that outlives its sender lets the row be sent again. */
    private Duration claimDuration() {
        return settings.connectTimeout().plus(settings.readTimeout()).plus(CLAIM_MARGIN);
    }
}
