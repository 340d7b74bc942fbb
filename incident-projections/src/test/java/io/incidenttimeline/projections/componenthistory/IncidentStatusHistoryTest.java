package io.incidenttimeline.projections.componenthistory;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.support.ReadModelJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentStatusHistoryTest {

    private static final String ID = "inc-1";
    private static final String RECORDINGS = "talk-call-recordings";
    private static final String SEARCH = "search";
    private static final Instant RECORDED = Instant.parse("2024-07-20T08:00:00Z");

    private static Instant at(String time) {
        return Instant.parse("2024-07-05T" + time + ":00Z");
    }

    private static IncidentDeclared declared(String time, Map<String, ComponentStatus> components) {
        return new IncidentDeclared(ID, "title", "en", Impact.MAJOR, components, List.of(), at(time), RECORDED);
    }

    private static UpdatePosted update(String id, IncidentStatus status, Visibility visibility, String time,
                                       Map<String, ComponentStatus> components) {
        return new UpdatePosted(ID, id, status, "text", visibility, components, null, at(time), RECORDED);
    }

    private static IncidentStatusHistory fold(Object... events) {
        IncidentStatusHistory state = null;
        for (Object event : events) {
            state = IncidentStatusHistory.apply(state, event);
        }
        return state;
    }

    @Test
    void theReferenceIncidentIsAPartialOutageOverItsImpactWindow() {
        IncidentStatusHistory history = fold(
                declared("13:31", Map.of(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE)),
                update("u1331", IncidentStatus.IDENTIFIED, Visibility.PUBLIC, "13:31", Map.of()),
                new ImpactWindowRecorded(ID, at("10:54"), at("13:36"), "from the logs", at("13:52"), RECORDED),
                update("u1352", IncidentStatus.RESOLVED, Visibility.PUBLIC, "13:52",
                        Map.of(RECORDINGS, ComponentStatus.OPERATIONAL)));

        assertThat(history.intervals()).containsExactly(
                new StatusInterval(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE, at("10:54"), at("13:36")));
        assertThat(ReadModelJson.read(ReadModelJson.write(history), IncidentStatusHistory.class)).isEqualTo(history);
    }

    @Test
    void withoutAnImpactWindowStatusesHoldFromUpdateToUpdateUntilResolved() {
        IncidentStatusHistory history = fold(
                declared("10:00", Map.of(RECORDINGS, ComponentStatus.DEGRADED_PERFORMANCE)),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, "10:00", Map.of()),
                update("u2", IncidentStatus.IDENTIFIED, Visibility.PUBLIC, "10:30",
                        Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE, SEARCH, ComponentStatus.PARTIAL_OUTAGE)),
                update("u3", IncidentStatus.MONITORING, Visibility.PUBLIC, "11:00", Map.of(SEARCH, ComponentStatus.OPERATIONAL)),
                update("u4", IncidentStatus.MONITORING, Visibility.PUBLIC, "11:10", Map.of()),
                update("u5", IncidentStatus.RESOLVED, Visibility.PUBLIC, "11:20", Map.of()));

        assertThat(history.intervals()).containsExactlyInAnyOrder(
                new StatusInterval(RECORDINGS, ComponentStatus.DEGRADED_PERFORMANCE, at("10:00"), at("10:30")),
                new StatusInterval(RECORDINGS, ComponentStatus.MAJOR_OUTAGE, at("10:30"), at("11:20")),
                new StatusInterval(SEARCH, ComponentStatus.PARTIAL_OUTAGE, at("10:30"), at("11:00")));
    }

    @Test
    void anOpenIncidentsStatusLastsAndAReopenedOneResumesIt() {
        IncidentStatusHistory open = fold(
                declared("10:00", Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE)),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, "10:00", Map.of()));
        assertThat(open.intervals()).containsExactly(
                new StatusInterval(RECORDINGS, ComponentStatus.MAJOR_OUTAGE, at("10:00"), null));

        IncidentStatusHistory reopened = fold(
                declared("10:00", Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE)),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, "10:00", Map.of()),
                update("u2", IncidentStatus.RESOLVED, Visibility.PUBLIC, "10:20", Map.of()),
                update("u3", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, "12:00", Map.of()));
        assertThat(reopened.intervals()).containsExactly(
                new StatusInterval(RECORDINGS, ComponentStatus.MAJOR_OUTAGE, at("10:00"), at("10:20")),
                new StatusInterval(RECORDINGS, ComponentStatus.MAJOR_OUTAGE, at("12:00"), null));
    }

    @Test
    void internalUpdatesSayNothingAndAnIncidentWithoutPublicUpdateHasNoHistory() {
        IncidentStatusHistory internalOnly = fold(
                declared("10:00", Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE)),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.INTERNAL, "10:00", Map.of()));
        assertThat(internalOnly.visible()).isFalse();
        assertThat(internalOnly.intervals()).isEmpty();

        IncidentStatusHistory history = fold(
                declared("10:00", Map.of(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE)),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, "10:00", Map.of()),
                update("secret", IncidentStatus.RESOLVED, Visibility.INTERNAL, "10:05",
                        Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE)),
                update("u2", IncidentStatus.RESOLVED, Visibility.PUBLIC, "10:40", Map.of()));
        assertThat(history.intervals()).containsExactly(
                new StatusInterval(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE, at("10:00"), at("10:40")));
        assertThat(ReadModelJson.write(history)).doesNotContain("secret");
    }

    @Test
    void aRetractedUpdateNoLongerCountsAndAnAmendmentChangesNothing() {
        IncidentStatusHistory history = fold(
                declared("10:00", Map.of(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE)),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, "10:00", Map.of()),
                update("wrong", IncidentStatus.IDENTIFIED, Visibility.PUBLIC, "10:10",
                        Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE)),
                update("u3", IncidentStatus.RESOLVED, Visibility.PUBLIC, "10:30", Map.of()));
        IncidentStatusHistory retracted = IncidentStatusHistory.apply(history,
                new UpdateRetracted(ID, "wrong", "posted on the wrong incident", at("10:35"), RECORDED));

        assertThat(retracted.intervals()).containsExactly(
                new StatusInterval(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE, at("10:00"), at("10:30")));
        assertThat(IncidentStatusHistory.apply(retracted, new UpdateAmended(ID, "u1", "typo fixed", "typo", at("10:40"),
                RECORDED))).isEqualTo(retracted);
    }

    @Test
    void anImpactChangeReplacesTheSetAndTheWindowExtendsWhatWasToldFirst() {
        IncidentStatusHistory history = fold(
                declared("10:00", Map.of(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE)),
                update("u1", IncidentStatus.INVESTIGATING, Visibility.PUBLIC, "10:00", Map.of()),
                new ImpactChanged(ID, Impact.CRITICAL, Map.of(SEARCH, ComponentStatus.MAJOR_OUTAGE), at("10:20"), RECORDED),
                new ImpactWindowRecorded(ID, at("09:40"), null, "alerts fired earlier", at("10:25"), RECORDED));

        assertThat(history.intervals()).containsExactlyInAnyOrder(
                new StatusInterval(SEARCH, ComponentStatus.MAJOR_OUTAGE, at("10:20"), null),
                new StatusInterval(RECORDINGS, ComponentStatus.PARTIAL_OUTAGE, at("09:40"), at("10:20")));
    }

    @Test
    void aWindowThatEndedBeforeTheFirstUpdateStillPlacesTheOutageInIt() {
        IncidentStatusHistory toldResolved = fold(
                declared("12:00", Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE)),
                update("u1", IncidentStatus.RESOLVED, Visibility.PUBLIC, "12:00", Map.of()),
                new ImpactWindowRecorded(ID, at("10:00"), at("10:30"), "told afterwards", at("12:05"), RECORDED));
        assertThat(toldResolved.intervals()).containsExactly(
                new StatusInterval(RECORDINGS, ComponentStatus.MAJOR_OUTAGE, at("10:00"), at("10:30")));

        IncidentStatusHistory told = fold(
                declared("12:00", Map.of(RECORDINGS, ComponentStatus.MAJOR_OUTAGE)),
                update("u1", IncidentStatus.IDENTIFIED, Visibility.PUBLIC, "12:00", Map.of()),
                update("u2", IncidentStatus.RESOLVED, Visibility.PUBLIC, "12:10", Map.of()),
                new ImpactWindowRecorded(ID, at("10:00"), at("10:30"), "told afterwards", at("12:15"), RECORDED));
        assertThat(told.intervals()).containsExactly(
                new StatusInterval(RECORDINGS, ComponentStatus.MAJOR_OUTAGE, at("10:00"), at("10:30")));
    }
}
