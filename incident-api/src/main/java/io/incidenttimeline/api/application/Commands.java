package io.incidenttimeline.api.application;

import io.incidenttimeline.api.axon.AuditMetadata;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for commands: sends a command of the domain on behalf of an actor and answers its result, or throws
 * {@link CommandRefused}. Each attempt is one Axon unit of work, in which the {@link IdempotencyInterceptor} claims the
 * actor's idempotency key; a retry with the key gets the first outcome. A lost optimistic-locking race (another node
 * appended to the same aggregate first) is tried again a few times.
 */
@Service
public class Commands {

    static final int ATTEMPTS_ON_CONFLICT = 3;
    static final Duration WAIT_FOR_CONCURRENT_KEY = Duration.ofSeconds(30);

    private final CommandGateway gateway;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transaction;

    Commands(CommandGateway gateway, IdempotencyStore idempotency, PlatformTransactionManager transactions) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.transaction = new TransactionTemplate(transactions);
    }

    public CommandResult send(Object command, Actor actor) {
        if (!actor.hasIdempotencyKey()) {
            return attempt(command, actor);
        }
        long deadline = System.nanoTime() + WAIT_FOR_CONCURRENT_KEY.toNanos();
        while (true) {
            try {
                return attempt(command, actor);
            } catch (DuplicateKeyException keyTaken) {
                Optional<CommandResult> previous = previous(actor);
                if (previous.isPresent()) {
                    return previous.get();
                }
                // Taken by a request that has not committed yet (or just rolled back): look again shortly.
                if (System.nanoTime() > deadline) {
                    throw new CommandRefused(Refusals.keyInProgress(), false);
                }
                pause();
            }
        }
    }

    /**
     * The outcome of an earlier request under the actor's idempotency key, for a caller that decides which command to
     * send only when the request is new. Throws {@link CommandRefused} when that outcome was a refusal, or when the key
     * was given for another request.
     */
    public Optional<CommandResult> previous(Actor actor) {
        if (!actor.hasIdempotencyKey()) {
            return Optional.empty();
        }
        Optional<IdempotencyStore.Claim> claim = idempotency.find(actor);
        if (claim.isEmpty() || claim.get().outcome() == null) {
            return Optional.empty();
        }
        if (!claim.get().fingerprint().equals(actor.requestFingerprint())) {
            throw new CommandRefused(Refusals.keyReused(), false);
        }
        IdempotencyStore.Outcome outcome = claim.get().outcome();
        if (outcome.refusal() != null) {
            throw new CommandRefused(outcome.refusal(), true);
        }
        return Optional.of(outcome.result().asReplay());
    }

    private CommandResult attempt(Object command, Actor actor) {
        MetaData metadata = metadata(actor);
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command, metadata);
            } catch (ConflictingAggregateVersionException stale) {
                throw new CommandRefused(Refusals.staleVersion(stale), false);
            } catch (ConcurrencyException | AggregateStreamCreationException lostRace) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw new CommandRefused(Refusals.concurrentModification(), false);
                }
            } catch (RuntimeException failure) {
                Refusal refusal = Refusals.of(failure).orElseThrow(() -> failure);
                if (actor.hasIdempotencyKey()) {
                    remember(actor, refusal);
                }
                throw new CommandRefused(refusal, false);
            }
        }
    }

    /**
     * A refused command's unit of work rolled back, key and all, so that nothing it staged is stored; its refusal is
     * then kept for the key in a transaction of its own, like any other answer.
     */
    private void remember(Actor actor, Refusal refusal) {
        transaction.executeWithoutResult(status -> {
            idempotency.claim(actor);
            idempotency.complete(actor, new IdempotencyStore.Outcome(null, refusal));
        });
    }

    private static MetaData metadata(Actor actor) {
        MetaData metadata = MetaData.with(AuditMetadata.ACTOR, actor.name()).and(AuditMetadata.ROLE, actor.role())
                .and(AuditMetadata.CHANNEL, actor.channel()).and(AuditMetadata.CORRELATION_ID, actor.correlationId());
        return !actor.hasIdempotencyKey() ? metadata : metadata.and(AuditMetadata.IDEMPOTENCY_KEY, actor.idempotencyKey())
                .and(IdempotencyInterceptor.FINGERPRINT, actor.requestFingerprint());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent request", e);
        }
    }
}
