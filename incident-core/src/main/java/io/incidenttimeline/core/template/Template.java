package io.incidenttimeline.core.template;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.incidenttimeline.core.shared.CommandRejected;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * A named template for a declaration or an update, created, changed and retired by responders. Event-sourced, so an
 * auditor sees who wrote which wording when. What a template produced is ordinary text in the incident's events: a
 * change or a retirement here never touches an incident. A retired name may be created again, as a new template in
 * the same stream. The command handlers return the version after the command.
 */
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Template {

    @AggregateIdentifier
    private String aggregateId;
    private TemplateKind kind;
    private TemplateContent content;
    private boolean live;

    protected Template() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateTemplate command, Clock clock) {
        String name = TemplateName.checked("name", command.name());
        TemplateContent checked = TemplateRules.checked(command.kind(), command.content());
        if (live) {
            throw CommandRejected.ruleViolation("name", "template-name-taken", "a template is named " + name
                    + " already; change it (PUT /api/v1/templates/" + name + "), retire it first or choose another name");
        }
        Instant now = clock.instant();
        apply(new TemplateCreated(name, command.kind(), checked, now, now));
        return AggregateLifecycle.getVersion();
    }

    /** Created if missing only to refuse it with a not-found naming the template, rather than a missing stream. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeTemplate command, Clock clock) {
        String name = TemplateName.checked("name", command.name());
        requireLive(name);
        requireVersion(command.expectedVersion());
        TemplateContent checked = TemplateRules.checked(command.kind(), command.content());
        if (command.kind() != kind) {
            throw CommandRejected.ruleViolation("kind", "template-kind-fixed", "template " + name + " is a "
                    + kind.wire() + " template and stays one; create a new template for the other kind");
        }
        if (!checked.equals(content)) {
            Instant now = clock.instant();
            apply(new TemplateChanged(name, kind, checked, now, now));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RetireTemplate command, Clock clock) {
        String name = TemplateName.checked("name", command.name());
        requireLive(name);
        requireVersion(command.expectedVersion());
        Instant now = clock.instant();
        apply(new TemplateRetired(name, now, now));
        return AggregateLifecycle.getVersion();
    }

    private void requireLive(String name) {
        if (aggregateId == null) {
            throw CommandRejected.notFound("name", "template-not-found", "no template is named " + name);
        }
        if (!live) {
            throw CommandRejected.ruleViolation("name", "template-retired", "template " + name
                    + " was retired; create it again (POST /api/v1/templates) to use the name anew");
        }
    }

    /**
     * Axon compares a command's expected version only when it loads an aggregate it does not create if missing, so
     * the handlers that create one only to refuse it compare it themselves.
     */
    private void requireVersion(Long expected) {
        long actual = AggregateLifecycle.getVersion();
        if (expected != null && expected != actual) {
            throw new ConflictingAggregateVersionException(aggregateId, expected, actual);
        }
    }

    @EventSourcingHandler
    void on(TemplateCreated event) {
        aggregateId = TemplateIds.aggregateId(event.name());
        kind = event.kind();
        content = event.content();
        live = true;
    }

    @EventSourcingHandler
    void on(TemplateChanged event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(TemplateRetired event) {
        live = false;
    }
}
