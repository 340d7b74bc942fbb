package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.componenthistory.StatusInterval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeBarsAsOfTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:15:42Z");
    private static final Instant MINUTE = Instant.parse("2026-12-08T10:15:00Z");

    @Test
    void aComponentUnchangedThisMinuteIsFiguredAsOfTheMinutesStart_soItsPageKeepsItsETagUntilTheNextMinute() {
        StatusInterval outage = new StatusInterval("api", ComponentStatus.MAJOR_OUTAGE,
                Instant.parse("2026-12-08T10:02:00Z"), null);
        assertThat(UptimeBars.asOf(Instant.parse("2026-12-08T10:00:00Z"), List.of(outage), NOW)).isEqualTo(MINUTE);
    }

    @Test
    void aComponentDefinedOrChangedThisMinuteIsFiguredAsOfNow_soTheChangeShowsAtOnce() {
        assertThat(UptimeBars.asOf(Instant.parse("2026-12-08T10:15:30Z"), List.of(), NOW)).isEqualTo(NOW);
        StatusInterval started = new StatusInterval("api", ComponentStatus.PARTIAL_OUTAGE,
                Instant.parse("2026-12-08T10:15:10Z"), null);
        assertThat(UptimeBars.asOf(Instant.parse("2026-12-01T00:00:00Z"), List.of(started), NOW)).isEqualTo(NOW);
        StatusInterval ended = new StatusInterval("api", ComponentStatus.PARTIAL_OUTAGE,
                Instant.parse("2026-12-08T09:00:00Z"), Instant.parse("2026-12-08T10:15:01Z"));
        assertThat(UptimeBars.asOf(Instant.parse("2026-12-01T00:00:00Z"), List.of(ended), NOW)).isEqualTo(NOW);
    }
}
