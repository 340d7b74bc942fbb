package io.incidenttimeline.api.bench;

import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItem;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes generated incidents straight into the event store, in the real format: the application's own
 * {@link EventStorageEngine} bean serializes the event records with the application's Axon serializer and stores
 * them with their aggregate type, per-incident sequence numbers 0..n, the audit metadata every command gives its
 * events (actor, role, channel, correlation id per command) and a global index from the database, 1,000 events per
 * transaction. Incidents are written in waves of {@value #WAVE} whose events interleave, as concurrent incidents'
 * events do. Each incident's story follows the aggregate's rules (occurrence times never before the declaration,
 * post-mortems only after resolution); one in ten stays internal and never reaches the public page. All are
 * resolved, so the public page has the same open incidents before and after the generation.
 */
final class EventGenerator {

    static final int WAVE = 8;
    static final int EVENTS_PER_INCIDENT = 10;
    private static final int BATCH = 1000;

    private final EventStorageEngine engine;
    private final TransactionTemplate transaction;
    private final String aggregateType;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private long written;

    EventGenerator(ConfigurableApplicationContext context, String aggregateType) {
        this.engine = context.getBean(EventStorageEngine.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.aggregateType = aggregateType;
    }

    /** Writes {@code incidents} incidents; returns the events written. */
    long generate(int incidents, Instant firstOccurredAt) {
        for (int wave = 0; wave * WAVE < incidents; wave++) {
            int size = Math.min(WAVE, incidents - wave * WAVE);
            Instant recordedAt = Instant.now();
            List<List<Object>> stories = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int n = wave * WAVE + i;
                stories.add(story("gen-" + n, n, firstOccurredAt.plus(Duration.ofMinutes(10L * n)), recordedAt));
            }
            for (int step = 0; step < EVENTS_PER_INCIDENT; step++) {
                for (int i = 0; i < size; i++) {
                    if (step < stories.get(i).size()) {
                        add("gen-" + (wave * WAVE + i), step, stories.get(i).get(step));
                    }
                }
            }
        }
        flush();
        return written;
    }

    /** One incident's events; a wave's events are all recorded at {@code now}, in the order they are written. */
    private List<Object> story(String id, int n, Instant declared, Instant now) {
        String component = Workload.componentId(n % Workload.COMPONENTS);
        boolean internalOnly = n % 10 == 9;
        Visibility shown = internalOnly ? Visibility.INTERNAL : Visibility.PUBLIC;
        Impact impact = n % 4 == 0 ? Impact.MAJOR : Impact.MINOR;
        ComponentStatus status = n % 4 == 0 ? ComponentStatus.PARTIAL_OUTAGE : ComponentStatus.DEGRADED_PERFORMANCE;
        List<Object> events = new ArrayList<>();
        events.add(new IncidentDeclared(id, "Elevated error rates on " + component, "en", impact,
                Map.of(component, status), List.of("eu-west-" + (n % 3)), declared, now));
        events.add(new UpdatePosted(id, "u1", IncidentStatus.INVESTIGATING, "We are investigating errors on "
                + component + " for some customers.", shown, Map.of(component, status), null, declared, now));
        events.add(new UpdatePosted(id, "u2", IncidentStatus.INVESTIGATING, "Internal: paged the owning team, suspect "
                + "deploy #" + n + ".", Visibility.INTERNAL, Map.of(), null, declared.plusSeconds(300), now));
        events.add(new ImpactWindowRecorded(id, declared.minusSeconds(1800), null, "from the first alert",
                declared.plusSeconds(600), now));
        Instant identified = declared.plusSeconds(1200);
        events.add(new UpdatePosted(id, "u3", IncidentStatus.IDENTIFIED, "We identified a faulty configuration change "
                + "and are reverting it. Next update in 30 minutes.", shown, Map.of(), identified.plusSeconds(1800),
                identified, now));
        events.add(new TranslationAdded(id, "de", true, "bench-mt", "Erhöhte Fehlerraten bei " + component,
                Map.of("u1", "Wir untersuchen Fehler bei " + component + ".", "u3", "Wir haben eine fehlerhafte "
                        + "Konfigurationsänderung gefunden und machen sie rückgängig."), null,
                declared.plusSeconds(1500), now));
        Instant resolved = declared.plusSeconds(2700);
        events.add(new UpdatePosted(id, "u4", IncidentStatus.RESOLVED, "The change was rolled back and error rates are "
                + "normal.", shown, Map.of(component, ComponentStatus.OPERATIONAL), null, resolved, now));
        events.add(new IncidentResolved(id, "u4", resolved, now));
        events.add(new ImpactWindowRecorded(id, declared.minusSeconds(1800), resolved.minusSeconds(120),
                "confirmed from the logs", resolved.plusSeconds(600), now));
        events.add(switch (n % 3) {
            case 0 -> new PostMortemPublished(id, 1, "A configuration change pointed " + component + " at the wrong "
                    + "storage location.", "A shared setting was changed for one service and affected another.",
                    "The change was reverted.", List.of(new RemediationItem("r1", "Separate settings per service",
                    "platform", LocalDate.of(2030, 1, 31))), resolved.plusSeconds(86_400), now);
            case 1 -> new UpdateAmended(id, "u3", "We identified a faulty configuration change and reverted it.",
                    "wording", resolved.plusSeconds(60), now);
            default -> new ImpactChanged(id, Impact.MINOR, Map.of(component, ComponentStatus.OPERATIONAL),
                    resolved.plusSeconds(60), now);
        });
        return events;
    }

    private void add(String incidentId, int sequence, Object payload) {
        MetaData metadata = MetaData.with("actor", "bench-generator").and("role", "responder").and("channel", "api")
                .and("correlationId", UUID.randomUUID().toString());
        Instant recordedAt;
        try {
            recordedAt = (Instant) payload.getClass().getMethod("recordedAt").invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        batch.add(new GenericDomainEventMessage<>(aggregateType, incidentId, sequence, payload, metadata,
                UUID.randomUUID().toString(), recordedAt));
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> events = List.copyOf(batch);
        transaction.executeWithoutResult(status -> engine.appendEvents(events));
        written += events.size();
        batch.clear();
    }
}
