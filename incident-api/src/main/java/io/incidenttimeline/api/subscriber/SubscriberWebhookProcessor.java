package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.core.component.ComponentEvent;
import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceFold;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceHandlers;
import io.incidenttimeline.projections.publicview.PageView;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicComponentHandlers;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.runtime.SingleSegment;
import io.incidenttimeline.projections.publicview.PublicIncidentHandlers;
import io.incidenttimeline.projections.support.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
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
public class SubscriberWebhookProcessor
        implements PublicIncidentHandlers, PublicComponentHandlers, PublicMaintenanceHandlers {

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

    @Override
    public void component(String componentId, ComponentEvent event, DomainEventMessage<?> message) {
        if (mirror.firstDelivery(message.getAggregateIdentifier(), message.getSequenceNumber())) {
            PublicComponent before = mirror.component(componentId).orElse(null);
            PublicComponent after = PublicComponent.apply(before, event);
            if (after != null && !after.equals(before)) {
                mirror.save(before, after);
            }
        }
    }

    /** An incident's event: the public incident's webhook, and one per component whose public status it changed. */
    @Override
    public void incident(IncidentEvent event, DomainEventMessage<?> message) {
        String incidentId = message.getAggregateIdentifier();
        if (!mirror.firstDelivery(incidentId, message.getSequenceNumber())) {
            return;
        }
        PublicIncident before = mirror.incident(incidentId).orElse(null);
        PublicIncident after = PublicIncidentFold.apply(before, event);
        if (after == null || after.equals(before)) {
            return;
        }
        List<Subscriber> listening = after.sameForReaders(before) ? List.of() : subscribers.listeningAt(position(message));
        if (!listening.isEmpty()) {
            List<PublicIncident> others = mirror.openIncidents().stream().filter(i -> !i.id().equals(after.id())).toList();
            List<PublicMaintenance> underWay = mirror.activeMaintenances();
            PageView pageBefore = page(with(others, before), underWay);
            PageView pageAfter = page(with(others, after), underWay);
            Set<String> touched = new HashSet<>(after.components().keySet());
            if (before != null) {
                touched.addAll(before.components().keySet());
            }
            deliver(listening, after.visible() ? after : null, touched, pageBefore, pageAfter, message);
        }
        mirror.save(before, after);
    }

    /** A maintenance's event changes the public page only through the components it puts under maintenance. */
    @Override
    public void maintenance(MaintenanceEvent event, DomainEventMessage<?> message) {
        if (!mirror.firstDelivery(message.getAggregateIdentifier(), message.getSequenceNumber())) {
            return;
        }
        String maintenanceId = MaintenanceIds.maintenanceId(message.getAggregateIdentifier());
        PublicMaintenance before = mirror.maintenance(maintenanceId).orElse(null);
        PublicMaintenance after = PublicMaintenanceFold.apply(before, event);
        if (after == null || after.equals(before)) {
            return;
        }
        List<Subscriber> listening = subscribers.listeningAt(position(message));
        if (!listening.isEmpty() && (after.active() || (before != null && before.active()))) {
            List<PublicIncident> open = mirror.openIncidents();
            List<PublicMaintenance> others = mirror.activeMaintenances().stream()
                    .filter(m -> !m.id().equals(maintenanceId)).toList();
            deliver(listening, null, Set.of(), page(open, with(others, before)), page(open, with(others, after)),
                    message);
        }
        mirror.save(before, after);
    }

    @ResetHandler
    void onReset() {
        mirror.clear();
    }

    /** Writes the incident's delivery (when it is public) and one per component whose public status changed. */
    private void deliver(List<Subscriber> listening, PublicIncident incident, Set<String> touched, PageView pageBefore,
                         PageView pageAfter, DomainEventMessage<?> message) {
        long position = position(message);
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

    private static long position(DomainEventMessage<?> message) {
        return (message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken().position()
                : OptionalLong.empty()).orElseThrow(() ->
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
