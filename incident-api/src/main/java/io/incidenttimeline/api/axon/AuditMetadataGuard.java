package io.incidenttimeline.api.axon;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Auditors rely on knowing who did something and through which channel: an event without an actor or a channel is
 * refused before it is stored, which rolls back the command that applied it.
 */
@Component
class AuditMetadataGuard {

    AuditMetadataGuard(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this::requireAuditMetadata);
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> requireAuditMetadata(List<? extends EventMessage<?>> events) {
        return (index, event) -> {
            for (String key : List.of(AuditMetadata.ACTOR, AuditMetadata.CHANNEL)) {
                Object value = event.getMetaData().get(key);
                if (!(value instanceof String s) || s.isBlank()) {
                    throw new IllegalStateException("event " + event.getPayloadType().getSimpleName()
                            + " has no '" + key + "' metadata; every event must say who caused it and how");
                }
            }
            return event;
        };
    }
}
