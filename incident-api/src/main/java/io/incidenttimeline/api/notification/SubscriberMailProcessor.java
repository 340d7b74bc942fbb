package io.incidenttimeline.api.notification;

import io.incidenttimeline.api.mail.MailOutbox;
import io.incidenttimeline.api.statuspage.PageProperties;
import io.incidenttimeline.api.subscription.EmailSubscriber;
import io.incidenttimeline.api.subscription.EmailSubscribers;
import io.incidenttimeline.core.component.ComponentEvent;
import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceFold;
import io.incidenttimeline.projections.maintenance.PublicMaintenanceHandlers;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicComponentHandlers;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.publicview.PublicIncidentHandlers;
import io.incidenttimeline.projections.runtime.HeadPosition;
import io.incidenttimeline.projections.runtime.SingleSegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns public changes into mails to email subscribers. It folds every event into its own copy of the public view (with
 * the public view's folds, so internal updates and internal incidents never enter it), asks {@link MailNotices} what
 * the change calls for, and enqueues one mail per notice and concerned subscriber in the batch transaction that also
 * stores the processor's token: a crash loses no mail and queues none twice. The mail key derives from (notice,
 * subscription) and the outbox keeps one mail per key; a replay of this processor enqueues nothing at all (everything
 * it replays was handled before), and a subscription never gets mail about events stored before the processor first
 * saw it confirmed.
 */
@Component
@ProcessingGroup(SubscriberMailProcessor.NAME)
// the catalogue's names and when each subscription was first seen must be those of the event's place in the stream
@SingleSegment
public class SubscriberMailProcessor implements PublicIncidentHandlers, PublicComponentHandlers, PublicMaintenanceHandlers {

    public static final String NAME = "subscriber-mail";

    private final MailMirror mirror;
    private final ObjectProvider<EmailSubscribers> subscriptions;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final EventStore eventStore;

    /** @param subscriptions absent in an application without email subscriptions: the page is folded, nobody mailed */
    SubscriberMailProcessor(MailMirror mirror, ObjectProvider<EmailSubscribers> subscriptions, MailOutbox outbox,
                            PageProperties page, EventStore eventStore) {
        this.mirror = mirror;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.composer = new MailComposer(page.name(), page.base());
        this.eventStore = eventStore;
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
        send(MailNotices.incident(before, after, message.getIdentifier()), message);
        mirror.save(before, after);
    }

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
        send(MailNotices.maintenance(before, after), message);
        mirror.save(before, after);
    }

    @ResetHandler
    void onReset() {
        mirror.clear();
    }

    private void send(List<MailNotice> notices, DomainEventMessage<?> message) {
        if (notices.isEmpty()) {
            return;
        }
        EmailSubscribers subscribers = subscriptions.getIfAvailable();
        List<EmailSubscriber> confirmed = subscribers == null ? List.of() : subscribers.confirmed();
        if (confirmed.isEmpty()) {
            return;
        }
        long position = position(message);
        boolean replay = ReplayToken.isReplay(message);
        Map<String, Long> starts = mirror.starts();
        Map<String, Long> firstSeen = new HashMap<>();
        Map<String, PublicComponent> catalogue = null;
        Long head = null;
        for (EmailSubscriber subscriber : confirmed) {
            Long start = starts.get(subscriber.id());
            if (start == null) {
                // seen live, it hears of this event on; seen in a replay, of nothing the replay goes over
                if (replay && head == null) {
                    head = HeadPosition.of(eventStore).orElse(position);
                }
                start = replay ? head : position - 1;
                firstSeen.put(subscriber.id(), start);
            }
            if (replay || start >= position) {
                continue;
            }
            for (MailNotice notice : notices) {
                if (subscriber.follows(notice.components())) {
                    if (catalogue == null) {
                        catalogue = mirror.catalogue();
                    }
                    outbox.enqueue(composer.compose(notice, subscriber, catalogue, subscribers.manageLink(subscriber),
                            subscribers.unsubscribeLink(subscriber)));
                }
            }
        }
        if (!firstSeen.isEmpty()) {
            mirror.recordStarts(firstSeen);
        }
    }

    private static long position(DomainEventMessage<?> message) {
        return (message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken().position()
                : OptionalLong.empty()).orElseThrow(() ->
                new IllegalStateException("a stored event without a position: " + message.getIdentifier()));
    }
}
