package io.incidenttimeline.api.mail;

import io.incidenttimeline.api.subscription.EmailSubscribers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sends what the mail outbox holds, off the request threads: looks for due mails every poll interval and whenever a
 * transaction has committed new ones, claims them (so that of several nodes one sends each), sends them on a few
 * threads, each a batch over one connection, and records each attempt. A temporary failure is retried with a growing wait, a permanent one is given up
 * with its reason, and an address the server refused for good suspends its subscriber. The log names mails by their
 * key only: addresses, and the server's replies that quote them, stay in the outbox row.
 */
@Component
class MailDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    /**
     * The most mails one sender sends over one connection. A new connection per mail (TCP, EHLO, STARTTLS, AUTH) cost
     * more than the mail itself; a batch far larger would keep its mails claimed long after the first ones went out.
     */
    static final int BATCH = 100;

    private final JdbcMailOutbox outbox;
    private final MailTransport transport;
    private final MailProperties.Delivery settings;
    private final ObjectProvider<EmailSubscribers> subscribers;
    private final MailWakeUp wakeUp;
    private final Clock clock;
    private final java.time.Duration retention;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile Instant nextPurge = Instant.MIN;
    private volatile boolean running;
    private ThreadPoolTaskScheduler poller;
    private ThreadPoolTaskExecutor senders;
    private Semaphore slots;

    MailDispatcher(JdbcMailOutbox outbox, MailTransport transport, MailProperties properties,
                   ObjectProvider<EmailSubscribers> subscribers, MailWakeUp wakeUp, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.settings = properties.delivery();
        this.retention = properties.retention();
        this.subscribers = subscribers;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        slots = new Semaphore(settings.concurrency());
        poller = new ThreadPoolTaskScheduler();
        poller.setThreadNamePrefix("mail-dispatcher-");
        poller.setDaemon(true);
        poller.setWaitForTasksToCompleteOnShutdown(true);
        poller.setAwaitTerminationSeconds(10);
        poller.initialize();
        senders = new ThreadPoolTaskExecutor();
        senders.setThreadNamePrefix("mail-sender-");
        senders.setDaemon(true);
        senders.setCorePoolSize(settings.concurrency());
        senders.setMaxPoolSize(settings.concurrency());
        senders.setWaitForTasksToCompleteOnShutdown(true);
        senders.setAwaitTerminationSeconds(30);
        senders.initialize();
        running = true;
        wakeUp.listen(this::wake);
        poller.scheduleWithFixedDelay(this::dispatch, settings.pollInterval());
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.listen(() -> { });
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

    /** Looks for due mails now rather than at the next poll. */
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
            purge();
            while (running) {
                int free = slots.availablePermits();
                if (free == 0) {
                    return;
                }
                Instant now = clock.instant();
                List<QueuedMail> due = outbox.claimDue(now, free * BATCH, now.plus(settings.claimDuration()));
                // as many connections as there are free senders, the due mails spread evenly over them
                int perSender = Math.max(1, (due.size() + free - 1) / free);
                for (int from = 0; from < due.size(); from += perSender) {
                    List<QueuedMail> batch = due.subList(from, Math.min(due.size(), from + perSender));
                    slots.acquireUninterruptibly();
                    senders.execute(() -> send(batch));
                }
                if (due.size() < free * BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("looking for mails to send failed; trying again at the next poll", e);
        }
    }

    /** At most once an hour: finished mails past their retention are deleted (any node may do it). */
    private void purge() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(java.time.Duration.ofHours(1));
        int purged = outbox.purgeFinishedBefore(now.minus(retention));
        if (purged > 0) {
            log.info("deleted {} mails sent or given up more than {} ago", purged, retention);
        }
    }

    private void send(List<QueuedMail> batch) {
        try {
            List<SendResult> results = transport.sendAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                record(batch.get(i), results.get(i));
            }
        } catch (RuntimeException e) {
            log.error("a batch of {} mails, the first {}, could not be sent or recorded; they are sent again when their "
                    + "claim lapses", batch.size(), batch.get(0).mail().mailKey(), e);
        } finally {
            slots.release();
            wake();
        }
    }

    private void record(QueuedMail queued, SendResult result) {
        String key = queued.mail().mailKey();
        try {
            int attempt = queued.attempts() + 1;
            Instant at = clock.instant();
            switch (result.outcome()) {
                case SENT -> outbox.record(key, attempt, MailStatus.SENT, null, null, at);
                case TEMPORARY -> {
                    if (attempt >= settings.maxAttempts()) {
                        outbox.record(key, attempt, MailStatus.FAILED, null, result.error(), at);
                        log.warn("mail {} given up after attempt {}: {}", key, attempt, result.loggable());
                    } else {
                        Instant next = at.plus(settings.backoff(attempt));
                        outbox.record(key, attempt, MailStatus.PENDING, next, result.error(), at);
                        log.info("mail {} not sent (attempt {}: {}); next attempt at {}", key, attempt,
                                result.loggable(), next);
                    }
                }
                case PERMANENT -> {
                    outbox.record(key, attempt, MailStatus.FAILED, null, result.error(), at);
                    log.warn("mail {} given up at attempt {}: {}", key, attempt, result.loggable());
                    if (result.addressRejected()) {
                        subscribers.ifAvailable(s -> s.suspend(queued.mail().subscriptionId(),
                                "the mail server refused the address for good: " + result.error()));
                        log.warn("subscription {} suspended: its address was refused ({})",
                                queued.mail().subscriptionId(), result.loggable());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("mail {} could not be recorded; it is sent again when its claim lapses", key, e);
        }
    }
}
