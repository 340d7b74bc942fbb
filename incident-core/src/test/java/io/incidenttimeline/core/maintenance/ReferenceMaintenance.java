package io.incidenttimeline.core.maintenance;

import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.maintenance.command.ScheduleMaintenance;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * A maintenance in the reference incident's world: the storage behind Talk's call recordings is moved, a week after
 * the incident, in a two-hour window. Commands, events, and a fixture whose clock stands still.
 */
public final class ReferenceMaintenance {

    public static final String MAINTENANCE_ID = "talk-recordings-storage-2024-07-20";
    public static final String COMPONENT_ID = "talk-call-recordings";
    public static final String OTHER_COMPONENT_ID = "talk-voicemail";
    public static final ComponentCatalogue CATALOGUE = Set.of(COMPONENT_ID, OTHER_COMPONENT_ID)::contains;

    public static final String TITLE = "Storage migration for Talk call recordings";
    public static final String MESSAGE = "We are moving call recordings to new storage. During the window, recordings "
            + "of new calls are kept and become available once the migration is complete.";
    /** When it was announced; the clock of most tests. */
    public static final Instant SCHEDULED_AT = Instant.parse("2024-07-12T10:00:00Z");
    public static final Instant WINDOW_START = Instant.parse("2024-07-20T22:00:00Z");
    public static final Instant WINDOW_END = Instant.parse("2024-07-21T00:00:00Z");
    public static final String SCHEDULE_UPDATE = "update-scheduled";

    private ReferenceMaintenance() {
    }

    public static AggregateTestFixture<Maintenance> fixtureAt(Instant now) {
        var fixture = new AggregateTestFixture<>(Maintenance.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(CATALOGUE);
        return fixture;
    }

    public static ScheduleMaintenance schedule() {
        return new ScheduleMaintenance(MAINTENANCE_ID, TITLE, MESSAGE, List.of(COMPONENT_ID), WINDOW_START, WINDOW_END,
                null, null, SCHEDULE_UPDATE);
    }

    public static MaintenanceScheduled scheduled() {
        return new MaintenanceScheduled(MAINTENANCE_ID, SCHEDULE_UPDATE, TITLE, MESSAGE, List.of(COMPONENT_ID),
                WINDOW_START, WINDOW_END, true, true, SCHEDULED_AT, SCHEDULED_AT);
    }

    public static MaintenanceStarted started() {
        return new MaintenanceStarted(MAINTENANCE_ID, "update-started", Maintenance.STARTED_MESSAGE, WINDOW_START,
                WINDOW_START);
    }
}
