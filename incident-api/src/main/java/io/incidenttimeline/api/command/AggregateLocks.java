package io.incidenttimeline.api.command;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commands join the request's transaction (so the idempotency key commits with the events), which means Axon's own
 * aggregate lock is released before that transaction commits. This lock is held until the transaction completes, so
 * on one node the next command for the same aggregate loads the events of the previous one instead of racing it.
 * Across nodes, the event store's unique sequence numbers still catch a race (a retried ConcurrencyException).
 */
@Component
class AggregateLocks {

    private static final int STRIPES = 256;
    private static final long WAIT_SECONDS = 30;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    AggregateLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Locks the command's target aggregate until the current transaction has committed or rolled back. */
    void lockUntilCompletion(Object command) {
        String aggregateId = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        ReentrantLock lock = locks[Math.floorMod(aggregateId.hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ConcurrencyException("timed out waiting for other commands on " + aggregateId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyException("interrupted while waiting for other commands on " + aggregateId);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }
}
