package io.incidenttimeline.api.accesstoken;

import io.incidenttimeline.core.accesstoken.IssueAccessToken;
import io.incidenttimeline.core.accesstoken.RevokeAccessToken;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code access_token} row of a token command inside the command's unit of work, in its transaction, once
 * the aggregate has accepted it: the row and the event it stores commit or roll back together (the table and the
 * event store are one database), so a token is active in the table exactly when the audit trail says it was issued
 * and not revoked. Like the {@code IdempotencyInterceptor}, Axon's Spring Boot configuration registers it with the
 * command bus, after the interceptor that opens the transaction.
 * <p>
 * The hash reaches it beside the command, never in it, so that it cannot end up in an event: {@link PersonalTokens}
 * hands the row over on the sending thread, on which the command bus handles the command. An
 * {@link IssueAccessToken} that arrives without its row is refused rather than stored without one.
 */
@Component
class TokenRowInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final ThreadLocal<PersonalTokenStore.Row> PENDING = new ThreadLocal<>();

    private final PersonalTokenStore store;

    TokenRowInterceptor(PersonalTokenStore store) {
        this.store = store;
    }

    /** Sends an IssueAccessToken through {@code send}, with the row it is to store. */
    static <T> T issuing(PersonalTokenStore.Row row, Supplier<T> send) {
        PENDING.set(row);
        try {
            return send.get();
        } finally {
            PENDING.remove();
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        if (command instanceof IssueAccessToken issue) {
            PersonalTokenStore.Row row = PENDING.get();
            if (row == null || !row.name().equals(issue.name()) || row.role() != issue.role()) {
                throw new IllegalStateException("an IssueAccessToken is sent only by PersonalTokens, with the row of "
                        + "its token: the table of active tokens must not miss a token the event store issued");
            }
            Object result = chain.proceed();
            store.insert(row);
            return result;
        }
        if (command instanceof RevokeAccessToken revoke) {
            Object result = chain.proceed();
            store.delete(revoke.name());
            return result;
        }
        return chain.proceed();
    }
}
