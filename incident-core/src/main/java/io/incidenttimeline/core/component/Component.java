package io.incidenttimeline.core.component;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.incidenttimeline.core.shared.CommandRejected;
import io.incidenttimeline.core.shared.Moments;
import io.incidenttimeline.core.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * One entry of the component catalogue. Event-sourced, so an auditor sees when it was defined and renamed. The command
 * handler returns the version after the command.
 */
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Component {

    private static final Pattern GROUP_ID_FORM = Pattern.compile("group-[a-z0-9-]*");

    @AggregateIdentifier
    private String aggregateId;
    private String name;
    private String group;
    private Integer position;
    private String description;
    private boolean retired;

    protected Component() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineComponent command, Clock clock) {
        Text.id("id", command.componentId());
        String name = Text.required("name", command.name(), Text.NAME_MAX);
        String group = groupName(command.group());
        String description = Text.optional("description", command.description(), Text.MESSAGE_MAX);
        if (command.position() != null && command.position() < 0) {
            throw CommandRejected.invalid("position", "invalid-position", "position must be zero or more");
        }
        if (retired) {
            throw CommandRejected.ruleViolation("id", "component-retired",
                    "component " + command.componentId() + " was retired and cannot be defined again; choose another id");
        }
        Instant now = clock.instant();
        Instant occurredAt = Moments.occurredAt(command.occurredAt(), now);
        if (aggregateId == null) {
            apply(new ComponentDefined(command.componentId(), name, group, command.position(), description, occurredAt, now));
        } else if (!Objects.equals(name, this.name) || !Objects.equals(group, this.group)
                || !Objects.equals(command.position(), position) || !Objects.equals(description, this.description)) {
            apply(new ComponentRedefined(command.componentId(), name, group, command.position(), description, occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * A group is named by its name, as a reader sees it; the Statuspage documents derive the group's id from it
     * ({@code group-} and the name in lower case, such as {@code group-data}), so a value of that form is refused.
     */
    private static String groupName(String group) {
        String name = Text.optional("group", group, Text.NAME_MAX);
        if (name != null && GROUP_ID_FORM.matcher(name).matches()) {
            throw CommandRejected.invalid("group", "group-id-not-name", "group takes a group's name (such as Data, "
                    + "the name of the group in components.json); " + name + " is the form of a group_id there");
        }
        return name;
    }

    /** Retiring a retired component again changes nothing. */
    @CommandHandler
    public long handle(RetireComponent command, Clock clock) {
        String reason = Text.optional("reason", command.reason(), Text.REASON_MAX);
        Instant now = clock.instant();
        Instant occurredAt = Moments.occurredAt(command.occurredAt(), now);
        if (!retired) {
            apply(new ComponentRetired(command.componentId(), reason, occurredAt, now));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ComponentDefined event) {
        aggregateId = ComponentIds.aggregateId(event.componentId());
        name = event.name();
        group = event.group();
        position = event.position();
        description = event.description();
    }

    @EventSourcingHandler
    void on(ComponentRedefined event) {
        name = event.name();
        group = event.group();
        position = event.position();
        description = event.description();
    }

    @EventSourcingHandler
    void on(ComponentRetired event) {
        retired = true;
    }
}
