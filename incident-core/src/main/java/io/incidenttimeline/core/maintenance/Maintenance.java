package io.incidenttimeline.core.maintenance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.maintenance.command.CancelMaintenance;
import io.incidenttimeline.core.maintenance.command.CompleteMaintenance;
import io.incidenttimeline.core.maintenance.command.PostMaintenanceUpdate;
import io.incidenttimeline.core.maintenance.command.ScheduleMaintenance;
import io.incidenttimeline.core.maintenance.command.StartMaintenance;
import io.incidenttimeline.core.maintenance.event.MaintenanceCancelled;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * A scheduled maintenance: announced, started, completed, or cancelled before it started, with public updates along
 * the way. Starting a started maintenance, completing a completed one and cancelling a cancelled one change nothing,
 * so a second node (or a retry) sending the same transition is harmless. Command handlers return the version.
 * <p>
 * A maintenance that starts on its own has a deadline at its window's start, and one that completes on its own a
 * deadline at its window's end from when it started; at a deadline it takes the step unless it moved on meanwhile.
 * Whoever runs the deadlines gives them the actor and channel the events are recorded with.
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Maintenance {

    static final String STARTED_MESSAGE = "Scheduled maintenance is currently in progress. We will provide updates as "
            + "necessary.";
    static final String COMPLETED_MESSAGE = "The scheduled maintenance has been completed.";
    static final String CANCELLED_MESSAGE = "The scheduled maintenance has been cancelled.";
    /** The deadline at which a maintenance starts on its own; its payload is the maintenance id. */
    public static final String WINDOW_STARTS = "maintenance-window-starts";
    /** The deadline at which a maintenance under way completes on its own; its payload is the maintenance id. */
    public static final String WINDOW_ENDS = "maintenance-window-ends";

    @AggregateIdentifier
    private String aggregateId;
    private String maintenanceId;
    private MaintenanceStatus status;
    private Instant scheduledUntil;
    private boolean autoComplete;
    private Set<String> updateIds = new HashSet<>();

    protected Maintenance() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ScheduleMaintenance command, Clock clock, ComponentCatalogue catalogue,
                       DeadlineManager deadlines) {
        if (maintenanceId != null) {
            throw CommandRejected.ruleViolation("id", "maintenance-already-scheduled",
                    "maintenance " + command.maintenanceId() + " was scheduled already; choose another id");
        }
        Text.id("id", command.maintenanceId());
        String title = Text.required("title", command.title(), Text.TITLE_MAX);
        String message = Text.required("message", command.message(), Text.MESSAGE_MAX);
        List<String> components = knownComponents(command.components(), catalogue);
        Instant now = clock.instant();
        MaintenanceWindow window = MaintenanceWindow.of(command.scheduledFor(), command.scheduledUntil(), now);
        Text.id("updateId", command.updateId());

        apply(new MaintenanceScheduled(command.maintenanceId(), command.updateId(), title, message, components,
                window.scheduledFor(), window.scheduledUntil(), !Boolean.FALSE.equals(command.autoStart()),
                !Boolean.FALSE.equals(command.autoComplete()), now, now));
        if (!Boolean.FALSE.equals(command.autoStart())) {
            deadlines.schedule(window.scheduledFor(), WINDOW_STARTS, command.maintenanceId());
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(PostMaintenanceUpdate command, Clock clock) {
        String updateId = newUpdateId(command.updateId());
        String message = Text.required("message", command.message(), Text.MESSAGE_MAX);
        refuseIfEnded("post an update on");
        Instant now = clock.instant();
        apply(new MaintenanceUpdatePosted(maintenanceId, updateId, status, message, now, now));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(StartMaintenance command, Clock clock, DeadlineManager deadlines) {
        String updateId = newUpdateId(command.updateId());
        String message = messageOr(command.message(), STARTED_MESSAGE);
        if (status == MaintenanceStatus.IN_PROGRESS) {
            return AggregateLifecycle.getVersion();
        }
        refuseIfEnded("start");
        deadlines.cancelAllWithinScope(WINDOW_STARTS);
        start(updateId, message, clock, deadlines);
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = WINDOW_STARTS)
    void onWindowStart(DeadlineMessage<String> deadline, Clock clock, DeadlineManager deadlines) {
        if (status == MaintenanceStatus.SCHEDULED) {
            start(automaticUpdateId(deadline), STARTED_MESSAGE, clock, deadlines);
        }
    }

    private void start(String updateId, String message, Clock clock, DeadlineManager deadlines) {
        Instant now = clock.instant();
        apply(new MaintenanceStarted(maintenanceId, updateId, message, now, now));
        if (autoComplete) {
            deadlines.schedule(scheduledUntil, WINDOW_ENDS, maintenanceId);
        }
    }

    @CommandHandler
    public long handle(CompleteMaintenance command, Clock clock, DeadlineManager deadlines) {
        String updateId = newUpdateId(command.updateId());
        String message = messageOr(command.message(), COMPLETED_MESSAGE);
        if (status == MaintenanceStatus.COMPLETED) {
            return AggregateLifecycle.getVersion();
        }
        refuseIfEnded("complete");
        if (status == MaintenanceStatus.SCHEDULED) {
            throw CommandRejected.ruleViolation("status", "maintenance-not-started",
                    "maintenance " + maintenanceId + " has not started; start it first, or cancel it");
        }
        deadlines.cancelAllWithinScope(WINDOW_ENDS);
        complete(updateId, message, clock);
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = WINDOW_ENDS)
    void onWindowEnd(DeadlineMessage<String> deadline, Clock clock) {
        if (status == MaintenanceStatus.IN_PROGRESS) {
            complete(automaticUpdateId(deadline), COMPLETED_MESSAGE, clock);
        }
    }

    private void complete(String updateId, String message, Clock clock) {
        Instant now = clock.instant();
        apply(new MaintenanceCompleted(maintenanceId, updateId, message, now, now));
    }

    @CommandHandler
    public long handle(CancelMaintenance command, Clock clock, DeadlineManager deadlines) {
        String updateId = newUpdateId(command.updateId());
        String message = messageOr(command.message(), CANCELLED_MESSAGE);
        if (status == MaintenanceStatus.CANCELLED) {
            return AggregateLifecycle.getVersion();
        }
        refuseIfEnded("cancel");
        if (status == MaintenanceStatus.IN_PROGRESS) {
            throw CommandRejected.ruleViolation("status", "maintenance-already-started",
                    "maintenance " + maintenanceId + " is in progress and can no longer be cancelled; complete it");
        }
        deadlines.cancelAllWithinScope(WINDOW_STARTS);
        Instant now = clock.instant();
        apply(new MaintenanceCancelled(maintenanceId, updateId, message, now, now));
        return AggregateLifecycle.getVersion();
    }

    private void refuseIfEnded(String action) {
        if (status.ended()) {
            throw CommandRejected.ruleViolation("status", "maintenance-ended",
                    "maintenance " + maintenanceId + " is " + status.wire() + "; it is not possible to " + action
                            + " it any more");
        }
    }

    private String newUpdateId(String updateId) {
        Text.id("updateId", updateId);
        if (updateIds.contains(updateId)) {
            throw CommandRejected.ruleViolation("updateId", "update-id-taken",
                    "update " + updateId + " exists already on maintenance " + maintenanceId);
        }
        return updateId;
    }

    /** The update a deadline posts, one per deadline. */
    private static String automaticUpdateId(DeadlineMessage<?> deadline) {
        return "upd-auto-" + deadline.getIdentifier();
    }

    private static String messageOr(String message, String usual) {
        return message == null ? usual : Text.required("message", message, Text.MESSAGE_MAX);
    }

    private static List<String> knownComponents(List<String> requested, ComponentCatalogue catalogue) {
        if (requested == null) {
            return List.of();
        }
        Set<String> known = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String componentId = requested.get(i);
            if (componentId == null) {
                throw CommandRejected.invalid("components[" + i + "]", "value-required",
                        "components[" + i + "] is required: a component id");
            }
            // the text rules first: a NUL is not even a value the catalogue's store can be asked about
            Text.required("components[" + i + "]", componentId, Text.ID_MAX);
            if (!catalogue.isDefined(componentId)) {
                throw CommandRejected.invalid("components[" + i + "]", "unknown-component",
                        "component " + componentId + " is not in the catalogue; define it first");
            }
            known.add(componentId);
        }
        return List.copyOf(known);
    }

    @EventSourcingHandler
    void on(MaintenanceScheduled event) {
        aggregateId = MaintenanceIds.aggregateId(event.maintenanceId());
        maintenanceId = event.maintenanceId();
        status = MaintenanceStatus.SCHEDULED;
        scheduledUntil = event.scheduledUntil();
        autoComplete = event.autoComplete();
        updateIds.add(event.updateId());
    }

    @EventSourcingHandler
    void on(MaintenanceUpdatePosted event) {
        updateIds.add(event.updateId());
    }

    @EventSourcingHandler
    void on(MaintenanceStarted event) {
        status = MaintenanceStatus.IN_PROGRESS;
        updateIds.add(event.updateId());
    }

    @EventSourcingHandler
    void on(MaintenanceCompleted event) {
        status = MaintenanceStatus.COMPLETED;
        updateIds.add(event.updateId());
    }

    @EventSourcingHandler
    void on(MaintenanceCancelled event) {
        status = MaintenanceStatus.CANCELLED;
        updateIds.add(event.updateId());
    }
}
