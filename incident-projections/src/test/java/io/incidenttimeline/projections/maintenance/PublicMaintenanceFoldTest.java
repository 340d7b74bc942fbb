package io.incidenttimeline.projections.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.core.maintenance.event.MaintenanceCancelled;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import io.incidenttimeline.core.shared.Impact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicMaintenanceFoldTest {

    static final String ID = "talk-recordings-storage";
    static final Instant ANNOUNCED = Instant.parse("2024-07-12T10:00:00Z");
    static final Instant FROM = Instant.parse("2024-07-20T22:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-07-21T00:00:00Z");

    static MaintenanceScheduled scheduled(String id, List<String> components) {
        return new MaintenanceScheduled(id, "u-scheduled", "Storage migration", "We move recordings.", components,
                FROM, UNTIL, true, false, ANNOUNCED, ANNOUNCED);
    }

    static MaintenanceStarted started(String id, Instant at) {
        return new MaintenanceStarted(id, "u-started", "In progress.", at, at.plusMillis(5));
    }

    @Test
    void aMaintenanceIsFoldedFromAnnouncementThroughUpdatesToCompletion() {
        Instant progress = FROM.plusSeconds(1800);
        Instant done = FROM.plusSeconds(3600);
        PublicMaintenance maintenance = PublicMaintenanceFold.fold(List.of(
                scheduled(ID, List.of("talk-call-recordings")),
                new MaintenanceUpdatePosted(ID, "u-reminder", MaintenanceStatus.SCHEDULED, "Tonight.", FROM.minusSeconds(3600),
                        FROM.minusSeconds(3600)),
                started(ID, FROM),
                new MaintenanceUpdatePosted(ID, "u-progress", MaintenanceStatus.IN_PROGRESS, "Half done.", progress, progress),
                new MaintenanceCompleted(ID, "u-completed", "Done.", done, done)));

        assertThat(maintenance.id()).isEqualTo(ID);
        assertThat(maintenance.title()).isEqualTo("Storage migration");
        assertThat(maintenance.status()).isEqualTo(MaintenanceStatus.COMPLETED);
        assertThat(maintenance.components()).containsExactly("talk-call-recordings");
        assertThat(maintenance.scheduledFor()).isEqualTo(FROM);
        assertThat(maintenance.scheduledUntil()).isEqualTo(UNTIL);
        assertThat(maintenance.autoStart()).isTrue();
        assertThat(maintenance.autoComplete()).isFalse();
        assertThat(maintenance.createdAt()).isEqualTo(ANNOUNCED);
        assertThat(maintenance.startedAt()).isEqualTo(FROM);
        assertThat(maintenance.endedAt()).isEqualTo(done);
        assertThat(maintenance.updatedAt()).isEqualTo(done);
        assertThat(maintenance.upcoming()).isFalse();
        assertThat(maintenance.active()).isFalse();
        assertThat(maintenance.updatesNewestFirst()).extracting(PublicMaintenanceUpdate::id)
                .containsExactly("u-completed", "u-progress", "u-started", "u-reminder", "u-scheduled");
        assertThat(maintenance.updatesNewestFirst()).extracting(PublicMaintenanceUpdate::status)
                .containsExactly(MaintenanceStatus.COMPLETED, MaintenanceStatus.IN_PROGRESS,
                        MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.SCHEDULED, MaintenanceStatus.SCHEDULED);
        assertThat(maintenance.updatesNewestFirst().get(4).recordedAt()).isEqualTo(ANNOUNCED);
    }

    @Test
    void aStartedMaintenanceIsActiveAndAScheduledOneUpcoming() {
        PublicMaintenance scheduled = PublicMaintenanceFold.fold(List.of(scheduled(ID, List.of())));
        PublicMaintenance started = PublicMaintenanceFold.apply(scheduled, started(ID, FROM));

        assertThat(scheduled.upcoming()).isTrue();
        assertThat(scheduled.active()).isFalse();
        assertThat(started.upcoming()).isFalse();
        assertThat(started.active()).isTrue();
        assertThat(started.startedAt()).isEqualTo(FROM);
        assertThat(started.endedAt()).isNull();
    }

    @Test
    void aCancelledMaintenanceNeverStartedAndEndedWhenCancelled() {
        Instant at = FROM.minusSeconds(7200);
        PublicMaintenance cancelled = PublicMaintenanceFold.fold(List.of(scheduled(ID, List.of()),
                new MaintenanceCancelled(ID, "u-cancelled", "Postponed.", at, at)));

        assertThat(cancelled.status()).isEqualTo(MaintenanceStatus.CANCELLED);
        assertThat(cancelled.startedAt()).isNull();
        assertThat(cancelled.endedAt()).isEqualTo(at);
        assertThat(cancelled.upcoming()).isFalse();
        assertThat(cancelled.updatesNewestFirst().get(0).message()).isEqualTo("Postponed.");
    }

    @Test
    void eventsOfOtherAggregatesAndEventsBeforeTheAnnouncementChangeNothing() {
        PublicMaintenance scheduled = PublicMaintenanceFold.fold(List.of(scheduled(ID, List.of())));
        var incident = new IncidentDeclared("inc", "title", "en", Impact.MINOR, Map.of(), List.of(), FROM, FROM);

        assertThat(PublicMaintenanceFold.apply(scheduled, incident)).isSameAs(scheduled);
        assertThat(PublicMaintenanceFold.apply(null, started(ID, FROM))).isNull();
    }
}
