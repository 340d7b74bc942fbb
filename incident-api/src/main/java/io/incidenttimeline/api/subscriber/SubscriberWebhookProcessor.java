package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceFold;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.runtime.SingleSegment;
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
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
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
// compares the whole public page before and after each event, across incidents
@SingleSegment
public class SubscriberWebhookProcessor {

    public static final String NAME = "subscriber-webhooks";

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
    void on(ComponentDefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        if (mirror.firstDelivery(streamId, sequence)) {
            mirror.save(PublicComponent.defined(event));
        }
    }

    @EventHandler
    void on(ComponentRedefined event, @SourceId String streamId, @SequenceNumber long sequence) {
        if (mirror.firstDelivery(streamId, sequence)) {
            mirror.component(event.componentId()).ifPresent(component -> mirror.save(component.redefined(event)));
        }
    }

    /**
     * Every other event belongs to an incident, whose aggregate identifier is the incident id, or to a maintenance,
     * which changes the public page only through the components it puts under maintenance.
     */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        String aggregateId = message.getAggregateIdentifier();
        if (ComponentIds.isComponentStream(aggregateId)
                || !mirror.firstDelivery(aggregateId, message.getSequenceNumber())) {
            return;
        }
        if (MaintenanceIds.isMaintenanceStream(aggregateId)) {
            onMaintenance(event, MaintenanceIds.maintenanceId(aggregateId), message, token);
            return;
        }
        PublicIncident before = mirror.incident(aggregateId).orElse(null);
        PublicIncident after = PublicIncidentFold.apply(before, event);
        if (after == null || after.equals(before)) {
            return;
        }
        List<Subscriber> listening = subscribers.listeningAt(position(message, token));
        if (!listening.isEmpty()) {
            List<PublicIncident> others = mirror.openIncidents().stream().filter(i -> !i.id().equals(after.id())).toList();
            List<PublicMaintenance> underWay = mirror.activeMaintenances();
            PageView pageBefore = page(with(others, before), underWay);
            PageView pageAfter = page(with(others, after), underWay);
            Set<String> touched = new HashSet<>(after.components().keySet());
            if (before != null) {
                touched.addAll(before.components().keySet());
            }
            deliver(listening, after.visible() ? after : null, touched, pageBefore, pageAfter, message, token);
        }
        mirror.save(after);
    }

    private void onMaintenance(Object event, String maintenanceId, DomainEventMessage<?> message, TrackingToken token) {
        PublicMaintenance before = mirror.maintenance(maintenanceId).orElse(null);
        PublicMaintenance after = PublicMaintenanceFold.apply(before, event);
        if (after == null || after.equals(before)) {
            return;
        }
        List<Subscriber> listening = subscribers.listeningAt(position(message, token));
        if (!listening.isEmpty() && (after.active() || (before != null && before.active()))) {
            List<PublicIncident> open = mirror.openIncidents();
            List<PublicMaintenance> others = mirror.activeMaintenances().stream()
                    .filter(m -> !m.id().equals(maintenanceId)).toList();
            deliver(listening, null, Set.of(), page(open, with(others, before)), page(open, with(others, after)),
                    message, token);
        }
        mirror.save(after);
    }

    @ResetHandler
    void onReset() {
        mirror.clear();
    }

    /** Writes the incident's delivery (when it is public) and one per component whose public status changed. */
    private void deliver(List<Subscriber> listening, PublicIncident incident, Set<String> touched, PageView pageBefore,
                         PageView pageAfter, DomainEventMessage<?> message, TrackingToken token) {
        long position = position(message, token);
        Map<String, PageView.ComponentView> previously = pageBefore.components().stream()
                .collect(Collectors.toMap(c -> c.component().id(), Function.identity()));
        List<PageView.ComponentView> changed = pageAfter.components().stream()
                .filter(c -> previously.get(c.component().id()).status() != c.status()).toList();
        String eventId = message.getIdentifier();
        Instant recordedAt = RecordedEvents.recordedAt(message);
        Instant now = clock.instant();
        boolean added = false;
        for (Subscriber subscriber : listening) {
            if (incident != null && subscriber.follows(touched)) {
                String subject = "incident:" + incident.id();
                added |= outbox.addIfAbsent(new DeliveryOutbox.NewDelivery(deliveryId(subscriber, eventId, subject),
                        subscriber.id(), eventId, subject, WebhookPayloads.INCIDENT, position,
                        payloads.incident(subscriber, incident, pageAfter)), now);
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

    private PageView page(List<PublicIncident> incidents, List<PublicMaintenance> maintenances) {
        return PageView.compose(mirror.components(), incidents, maintenances);
    }

    private static long position(DomainEventMessage<?> message, TrackingToken token) {
        return token.position().orElseThrow(() ->
                new IllegalStateException("a stored event without a position: " + message.getIdentifier()));
    }

    private static <T> List<T> with(List<T> others, T one) {
        List<T> all = new ArrayList<>(others);
        if (one != null) {
            all.add(one);
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
