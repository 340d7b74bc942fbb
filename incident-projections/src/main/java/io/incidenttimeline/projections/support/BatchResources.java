package io.incidenttimeline.projections.support;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * State a projection keeps for the batch of events its processor is handling: created on the batch's first event,
 * written out once before the batch's transaction commits (together with the processor's token, so read model and
 * token still advance in one transaction), and dropped with the unit of work. A batch that fails is rolled back and
 * handled again with fresh state.
 */
public final class BatchResources {

    private BatchResources() {
    }

    /**
     * The batch's resource under {@code key}; on first use it is created, and {@code beforeCommit} is registered to
     * write it in the batch's transaction and {@code afterCommit} to run once that transaction has committed.
     */
    public static <T> T current(String key, Supplier<T> create, Consumer<T> beforeCommit, Consumer<T> afterCommit) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        T resource = batch.getResource(key);
        if (resource == null) {
            // not computeIfAbsent: creating may put resources of its own (the generation to write, for one)
            resource = create.get();
            batch.resources().put(key, resource);
            T created = resource;
            batch.onPrepareCommit(u -> beforeCommit.accept(created));
            batch.afterCommit(u -> afterCommit.accept(created));
        }
        return resource;
    }
}
