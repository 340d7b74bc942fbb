package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigned;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every checkpoint this node signs into the outbox of each subscriber that asked for audit checkpoints, right
 * after it is stored (the checkpoints live in the event store, the outbox in the read store: no shared transaction).
 * The body is what {@code GET /api/v1/audit/checkpoints/latest} answers for it. The delivery id is derived from the
 * subscriber and the checkpoint (position and signing time), so a repeated enqueue adds nothing; only the signing node
 * enqueues, whichever node sends it.
 */
@Component
class CheckpointDeliveries {

    static final String KIND = "audit.checkpoint";

    private static final Logger log = LoggerFactory.getLogger(CheckpointDeliveries.class);

    private final SubscriberStore subscribers;
    private final DeliveryOutbox outbox;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    CheckpointDeliveries(SubscriberStore subscribers, DeliveryOutbox outbox, DeliveryDispatcher dispatcher,
                         Clock clock) {
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** A failure here must not undo the checkpoint, which is signed and kept already: it is logged. */
    @EventListener
    void signed(CheckpointSigned signed) {
        Checkpoint checkpoint = signed.checkpoint().checkpoint();
        try {
            List<Subscriber> auditors = subscribers.auditors();
            String payload = signed.checkpoint().toJson().toString();
            String subject = "checkpoint:" + checkpoint.position();
            boolean added = false;
            for (Subscriber subscriber : auditors) {
                added |= outbox.addIfAbsent(new DeliveryOutbox.NewDelivery(
                        SubscriberWebhookProcessor.deliveryId(subscriber, checkpoint.createdAt(), subject),
                        subscriber.id(), checkpoint.createdAt(), subject, KIND, checkpoint.position(), payload),
                        clock.instant());
            }
            if (added) {
                dispatcher.wake();
            }
        } catch (RuntimeException e) {
            log.error("the audit checkpoint at position {} signed at {} is kept but could not be queued for the "
                    + "subscribers that receive checkpoints; GET /api/v1/audit/checkpoints/latest serves it",
                    checkpoint.position(), checkpoint.createdAt(), e);
        }
    }
}
