package io.incidenttimeline.api.application;

import io.incidenttimeline.api.axon.AuditMetadata;
import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.component.DefineComponent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Runs inside each command's unit of work, in its transaction: it claims the sender's idempotency key with the
 * request's fingerprint before the command is handled, and stores the command's result with the key, so the key, the
 * result and the events commit or roll back together. It turns the version the aggregate returns into the
 * {@link CommandResult}.
 * <p>
 * Axon's Spring Boot configuration ({@code InterceptorAutoConfiguration}) registers this bean with the command bus,
 * after the interceptor that opens the unit of work's transaction.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String FINGERPRINT = "requestFingerprint";

    private final IdempotencyStore store;
    private final ComponentCatalogue catalogue;

    IdempotencyInterceptor(IdempotencyStore store, ComponentCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> message = unitOfWork.getMessage();
        Actor actor = keyed(message);
        if (actor != null) {
            store.claim(actor);
        }
        Object command = message.getPayload();
        boolean existed = command instanceof DefineComponent define && catalogue.isDefined(define.componentId());
        Object returned = chain.proceed();
        if (!(returned instanceof Number version)) {
            return returned;
        }
        CommandResult result = CommandResults.of(command, version.longValue(), existed);
        if (actor != null) {
            store.complete(actor, new IdempotencyStore.Outcome(result, null));
        }
        return result;
    }

    /** The actor of a command sent under an idempotency key, or null. */
    private static Actor keyed(CommandMessage<?> message) {
        Object key = message.getMetaData().get(AuditMetadata.IDEMPOTENCY_KEY);
        Object fingerprint = message.getMetaData().get(FINGERPRINT);
        if (key == null || fingerprint == null) {
            return null;
        }
        return new Actor(String.valueOf(message.getMetaData().get(AuditMetadata.ACTOR)), null, null, null,
                key.toString(), fingerprint.toString());
    }
}
