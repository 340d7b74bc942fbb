package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.core.incident.event.NextUpdateReminderRaised;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Puts each promise reminder an incident raises into the outbox of every subscriber that asked for them (the
 * responders' own receivers; public receivers never get one), in the webhook processor's batch transaction, so it is
 * sent signed like every other webhook. An incident raises each reminder once: its deadline runs on one node, and
 * the delivery id derives from (subscriber, event), so a replay of this processor sends nothing again.
 */
@Component
@ProcessingGroup(SubscriberWebhookProcessor.NAME)
class ReminderWebhooks {

    private final SubscriberStore subscribers;
    private final DeliveryOutbox outbox;
    private final WebhookPayloads payloads;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    ReminderWebhooks(SubscriberStore subscribers, DeliveryOutbox outbox, WebhookPayloads payloads,
                     DeliveryDispatcher dispatcher, Clock clock) {
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.payloads = payloads;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventHandler
    void on(NextUpdateReminderRaised event, DomainEventMessage<?> message) {
        long position = (message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken().position()
                : OptionalLong.empty()).orElseThrow(() ->
                new IllegalStateException("a stored event without a position: " + message.getIdentifier()));
        List<Subscriber> receivers = subscribers.responderReceiversAt(position);
        String subject = "reminder:" + event.incidentId();
        boolean added = false;
        for (Subscriber subscriber : receivers) {
            added |= outbox.addIfAbsent(new DeliveryOutbox.NewDelivery(
                    SubscriberWebhookProcessor.deliveryId(subscriber, message.getIdentifier(), subject),
                    subscriber.id(), message.getIdentifier(), subject, WebhookPayloads.REMINDER, position,
                    payloads.reminder(subscriber, event)), clock.instant());
        }
        if (added) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> dispatcher.wake()));
        }
    }
}
