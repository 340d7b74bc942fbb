package io.incidenttimeline.api.maintenance;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import io.incidenttimeline.api.axon.AuditMetadata;
import io.incidenttimeline.core.incident.NextUpdateReminder;
import io.incidenttimeline.core.maintenance.Maintenance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The maintenance windows' deadlines (Axon's deadline manager on db-scheduler, whose table {@code scheduled_tasks} is
 * in the event store's database). A deadline is stored in the transaction of the command that schedules it, and any
 * node may run it: db-scheduler lets one node pick each due deadline, and takes it over from a node that died. Axon's
 * auto-configuration builds the deadline manager and its task on this scheduler; the task data is JSON (db-scheduler's
 * Jackson serializer), the payloads and scopes in it are written by the event serializer.
 * <p>
 * Events applied at a deadline carry the deadline's metadata: the maintenance scheduler as the actor, through the
 * channel {@code scheduler}, as the commands it used to send did; an incident's promise reminders (its deadlines on
 * the same scheduler) the reminder scheduler.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceWindowDeadlines {

    static final String ACTOR = "maintenance-scheduler";
    /** The actor of the promise reminders an incident raises at its deadlines. */
    static final String REMINDER_ACTOR = "reminder-scheduler";
    static final String ROLE = "system";
    static final String CHANNEL = "scheduler";

    @Bean
    Scheduler deadlineScheduler(DataSource eventStore, List<Task<?>> tasks, MaintenanceProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(eventStore), tasks)
                .serializer(new JacksonSerializer())
                .pollingInterval(properties.checkInterval())
                .threads(2)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Runs the deadlines on this node from start-up to shutdown, unless automatic transitions are off here. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler, MaintenanceProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.autoTransition()) {
                    scheduler.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                if (properties.autoTransition()) {
                    scheduler.stop();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /**
     * Deadlines are recorded as the scheduler's, and what a deadline applies carries their metadata: the deadline
     * manager built for db-scheduler has no correlation interceptor of its own (the command bus has).
     */
    @Bean
    MessageDispatchInterceptor<DeadlineMessage<?>> schedulerAsTheActor(DeadlineManager deadlines,
                                                                      List<CorrelationDataProvider> correlation) {
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlation));
        MessageDispatchInterceptor<DeadlineMessage<?>> interceptor = messages -> (index, deadline) -> {
            if (deadline.getPayload() instanceof NextUpdateReminder reminder) {
                return deadline.withMetaData(Map.of(AuditMetadata.ACTOR, REMINDER_ACTOR, AuditMetadata.ROLE, ROLE,
                        AuditMetadata.CHANNEL, CHANNEL, AuditMetadata.CORRELATION_ID,
                        deadline.getDeadlineName() + "-" + reminder.updateId()));
            }
            String step = Maintenance.WINDOW_STARTS.equals(deadline.getDeadlineName()) ? "start" : "complete";
            return deadline.withMetaData(Map.of(AuditMetadata.ACTOR, ACTOR, AuditMetadata.ROLE, ROLE,
                    AuditMetadata.CHANNEL, CHANNEL,
                    AuditMetadata.CORRELATION_ID, "maintenance-" + step + "-" + deadline.getPayload()));
        };
        deadlines.registerDispatchInterceptor(interceptor);
        return interceptor;
    }
}
