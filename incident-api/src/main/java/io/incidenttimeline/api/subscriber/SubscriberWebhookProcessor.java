package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.support.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Turns public changes into deliveries. It folds every event into its own copy of the public view (with the public
 * view's fold, so internal updates never enter it) and, when the public incident or a component's public status
 * changed, writes one outbox row per concerned subscriber, in the batch transaction that also stores the processor's
 * token: a crash loses no delivery and stores none twice. Delivery ids derive from (subscriber, event, subject), so a
 * replay of this processor finds the rows it wrote before and sends nothing again.
 */
@Component
@ProcessingGroup(SubscriberWebhookProcessor.NAME)
class SubscriberWebhookProcessor {

    static final String NAME = "subscriber-webhooks";

    private final PublicMirror mirror;
    private final SubscriberStore subscribers;
    private final DeliveryOutbox outbox;
    private final WebhookPayloads payloads;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    SubscriberWebhookProcessor(PublicMirror mirror, SubscriberStore subscribers, DeliveryOutbox outbox,
                               WebhookPayloads payloads, DeliveryDispatcher dispatcher, Clock clock) {
        this.mirror = mirror;
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.payloads = payloads;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventHandler
    void on(ComponentDefined event) {
        mirror.save(PublicComponent.defined(event));
    }

    @EventHandler
    void on(ComponentRedefined event) {
        mirror.component(event.componentId()).ifPresent(component -> mirror.save(component.redefined(event)));
    }

    /** Every other event belongs to an incident, whose aggregate identifier is the incident id. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        String incidentId = message.getAggregateIdentifier();
        if (ComponentIds.isComponentStream(incidentId)) {
            return;
        }
        PublicIncident before = mirror.incident(incidentId).orElse(null);
        PublicIncident after = PublicIncidentFold.apply(before, event);
        if (after == null || after.equals(before)) {
            return;
        }
        long position = token.position().orElseThrow(() ->
                new IllegalStateException("a stored event without a position: " + message.getIdentifier()));
        List<Subscriber> listening = subscribers.listeningAt(position);
        if (!listening.isEmpty()) {
            deliver(listening, before, after, message, position);
        }
        mirror.save(after);
    }

    @ResetHandler
    void onReset() {
        mirror.clear();
    }

    private void deliver(List<Subscriber> listening, PublicIncident before, PublicIncident after,
                         DomainEventMessage<?> message, long position) {
        List<PublicIncident> others = mirror.openIncidents().stream().filter(i -> !i.id().equals(after.id())).toList();
        List<PublicComponent> catalogue = mirror.components();
        PageView pageBefore = PageView.compose(catalogue, with(others, before));
        PageView pageAfter = PageView.compose(catalogue, with(others, after));
        Map<String, PageView.ComponentView> previously = pageBefore.components().stream()
                .collect(Collectors.toMap(c -> c.component().id(), Function.identity()));
        List<PageView.ComponentView> changed = pageAfter.components().stream()
                .filter(c -> previously.get(c.component().id()).status() != c.status()).toList();
        Set<String> touched = new HashSet<>(after.components().keySet());
        if (before != null) {
            touched.addAll(before.components().keySet());
        }
        String eventId = message.getIdentifier();
        Instant recordedAt = RecordedEvents.recordedAt(message);
        Instant now = clock.instant();
        boolean added = false;
        for (Subscriber subscriber : listening) {
            if (after.visible() && subscriber.follows(touched)) {
                String subject = "incident:" + after.id();
                added |= outbox.addIfAbsent(new DeliveryOutbox.NewDelivery(deliveryId(subscriber, eventId, subject),
                        subscriber.id(), eventId, subject, WebhookPayloads.INCIDENT, position,
                        payloads.incident(subscriber, after, pageAfter)), now);
            }
            for (PageView.ComponentView component : changed) {
                String componentId = component.component().id();
                if (subscriber.follows(Set.of(componentId))) {
                    String subject = "component:" + componentId;
                    String payload = payloads.componentUpdate(subscriber, uuid("component-update", eventId, componentId),
                            recordedAt, previously.get(componentId).status(), component, pageAfter);
                    added |= outbox.addIfAbsent(new DeliveryOutbox.NewDelivery(deliveryId(subscriber, eventId, subject),
                            subscriber.id(), eventId, subject, WebhookPayloads.COMPONENT_UPDATE, position, payload), now);
                }
            }
        }
        if (added) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> dispatcher.wake()));
        }
    }

    private static List<PublicIncident> with(List<PublicIncident> others, PublicIncident incident) {
        List<PublicIncident> all = new ArrayList<>(others);
        if (incident != null) {
            all.add(incident);
        }
        return all;
    }

    static String deliveryId(Subscriber subscriber, String eventId, String subject) {
        return uuid(subscriber.id(), eventId, subject);
    }

    private static String uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
