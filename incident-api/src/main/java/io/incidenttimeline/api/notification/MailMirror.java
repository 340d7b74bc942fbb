package io.incidenttimeline.api.notification;

import io.incidenttimeline.projections.document.DocumentChange;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.support.ProcessorState;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.ReadStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The mail processor's own copy of the public view (as the webhook processor keeps one): the same documents, folded by
 * the same folds, in tables of its own, because a mail must describe the page as it was right after its event whatever
 * the public-view processor's position. Each event's change is written at once, so that the next event of the batch
 * sees the page as it left it. Beside it, when each subscription was first seen, so that no subscription is told what
 * happened before it.
 */
@Repository
class MailMirror implements ProcessorState {

    /** The copy is never rebuilt beside itself: one generation, as its progress has. */
    private static final int GENERATION = 0;

    /** Documents are read event by event, never for a whole batch up front. */
    private static final BiFunction<String, String, String> ONE_AT_A_TIME = (aggregateType, aggregateId) -> null;

    private final JdbcTemplate jdbc;
    private final AggregateProgress progress;
    private final JsonDocumentTable<PublicIncident> incidents;
    private final JsonDocumentTable<PublicComponent> components;
    private final JsonDocumentTable<PublicMaintenance> maintenances;

    MailMirror(@ReadStore JdbcTemplate jdbc, AggregateProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.incidents = new JsonDocumentTable<>(jdbc, "mail_public_incident", "incident_id", PublicIncident.class,
                PublicIncident::id, ONE_AT_A_TIME, List.of());
        this.components = new JsonDocumentTable<>(jdbc, "mail_public_component", "component_id",
                PublicComponent.class, PublicComponent::id, ONE_AT_A_TIME, List.of());
        this.maintenances = new JsonDocumentTable<>(jdbc, "mail_public_maintenance", "maintenance_id",
                PublicMaintenance.class, PublicMaintenance::id, ONE_AT_A_TIME, List.of());
    }

    /** Whether the event is new to this copy: an event delivered a second time must not be folded again. */
    boolean firstDelivery(String aggregateId, long sequence) {
        return progress.firstDelivery(SubscriberMailProcessor.NAME, GENERATION, aggregateId, sequence);
    }

    Optional<PublicIncident> incident(String incidentId) {
        return Optional.ofNullable(incidents.load(GENERATION, List.of(incidentId)).get(incidentId));
    }

    void save(PublicIncident before, PublicIncident after) {
        incidents.write(GENERATION, List.of(new DocumentChange<>(before, after)));
    }

    Optional<PublicComponent> component(String componentId) {
        return Optional.ofNullable(components.load(GENERATION, List.of(componentId)).get(componentId));
    }

    /** The catalogue by id, retired components included: a mail names every component it concerns. */
    Map<String, PublicComponent> catalogue() {
        return jdbc.query("SELECT document FROM mail_public_component WHERE generation = ?",
                        (rs, row) -> ReadModelJson.read(rs.getString(1), PublicComponent.class), GENERATION)
                .stream().collect(Collectors.toMap(PublicComponent::id, Function.identity()));
    }

    void save(PublicComponent before, PublicComponent after) {
        components.write(GENERATION, List.of(new DocumentChange<>(before, after)));
    }

    Optional<PublicMaintenance> maintenance(String maintenanceId) {
        return Optional.ofNullable(maintenances.load(GENERATION, List.of(maintenanceId)).get(maintenanceId));
    }

    void save(PublicMaintenance before, PublicMaintenance after) {
        maintenances.write(GENERATION, List.of(new DocumentChange<>(before, after)));
    }

    /** Each subscription's first position, by id. */
    Map<String, Long> starts() {
        Map<String, Long> starts = new HashMap<>();
        jdbc.query("SELECT subscription_id, starts_after_position FROM mail_recipient_start",
                rs -> {
                    starts.put(rs.getString(1), rs.getLong(2));
                });
        return starts;
    }

    void recordStarts(Map<String, Long> firstSeen) {
        jdbc.batchUpdate("INSERT INTO mail_recipient_start (subscription_id, starts_after_position) VALUES (?, ?)",
                firstSeen.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
    }

    /**
     * Empties the copy of the page, to be folded again from the first event. When each subscription was first seen is
     * kept: the history folded again is not news to anyone.
     */
    @Override
    public void clear() {
        progress.deleteGeneration(SubscriberMailProcessor.NAME, GENERATION);
        maintenances.deleteGeneration(GENERATION);
        incidents.deleteGeneration(GENERATION);
        components.deleteGeneration(GENERATION);
    }
}
