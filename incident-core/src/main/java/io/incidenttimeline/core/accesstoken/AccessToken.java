package io.incidenttimeline.core.accesstoken;

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
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * The personal tokens ever issued under one name, one after the other: at most one is active at a time, and a revoked
 * name may be issued again. Event-sourced, so an auditor sees who issued and revoked which. The command handlers
 * return the version after the command.
 */
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class AccessToken {

    @AggregateIdentifier
    private String aggregateId;
    private TokenRole role;
    private boolean active;

    protected AccessToken() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(IssueAccessToken command, Clock clock) {
        String name = TokenName.checked(command.name());
        if (command.role() == null) {
            throw CommandRejected.invalid("role", "value-required", "role is required: responder, auditor or admin");
        }
        if (active) {
            throw CommandRejected.ruleViolation("name", "token-name-taken", "an active token is named " + name
                    + " already; revoke it first (DELETE /api/v1/admin/tokens/" + name + ") or choose another name");
        }
        Instant now = clock.instant();
        apply(new AccessTokenIssued(name, command.role(), now, now));
        return AggregateLifecycle.getVersion();
    }

    /** Created if missing only to refuse it with a not-found naming the token, rather than a missing stream. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RevokeAccessToken command, Clock clock) {
        String name = TokenName.checked(command.name());
        if (!active) {
            throw CommandRejected.notFound("name", "token-not-found", "no active personal token is named " + name);
        }
        Instant now = clock.instant();
        apply(new AccessTokenRevoked(name, role, now, now));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(AccessTokenIssued event) {
        aggregateId = AccessTokenIds.aggregateId(event.name());
        role = event.role();
        active = true;
    }

    @EventSourcingHandler
    void on(AccessTokenRevoked event) {
        active = false;
    }
}
