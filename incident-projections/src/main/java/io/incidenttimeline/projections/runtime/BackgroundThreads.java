package io.incidenttimeline.projections.runtime;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The runtime's own single threads, kept apart from the application's shared task scheduler: a heartbeat or a replay
 * check must not wait behind a long scheduled job, or the other nodes would take this node for dead. Daemon threads,
 * started and stopped by the component that owns them.
 */
final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /** One thread running periodic work; stopping it interrupts what runs. */
    static ThreadPoolTaskScheduler scheduler(String name) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix(name + "-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }

    /**
     * One thread working off a queue in order; stopping it lets the running task finish unwaited and uninterrupted (a
     * thread interrupted in the middle of JDBC I/O can break the connection it uses).
     */
    static ThreadPoolTaskExecutor worker(String name) {
        ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();
        worker.setThreadNamePrefix(name + "-");
        worker.setDaemon(true);
        worker.setCorePoolSize(1);
        worker.setMaxPoolSize(1);
        worker.setWaitForTasksToCompleteOnShutdown(true);
        worker.initialize();
        return worker;
    }
}
