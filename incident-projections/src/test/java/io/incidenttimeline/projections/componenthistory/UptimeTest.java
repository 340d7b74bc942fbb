package io.incidenttimeline.projections.componenthistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incidenttimeline.core.shared.ComponentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {

    private static final String C = "api";
    private static final Instant NOW = Instant.parse("2024-07-10T12:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final double FULL_WINDOW_MINUTES = 89 * 1440 + 720;

    private static StatusInterval interval(ComponentStatus status, String from, String to) {
        return new StatusInterval(C, status, Instant.parse(from), to == null ? null : Instant.parse(to));
    }

    private static UptimeDay day(UptimeBar bar, String date) {
        return bar.days().stream().filter(d -> d.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }

    @Test
    void theWindowIsNinetyUtcDaysEndingToday() {
        UptimeBar bar = Uptime.bar(List.of(), LONG_AGO, NOW, Uptime.DAYS);

        assertThat(bar.days()).hasSize(90);
        assertThat(bar.days().get(0).date()).isEqualTo(LocalDate.parse("2024-04-12"));
        assertThat(bar.days().get(89).date()).isEqualTo(LocalDate.parse("2024-07-10"));
        assertThat(bar.days()).allSatisfy(d -> {
            assertThat(d.worst()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(d.outageMinutes()).isZero();
        });
        assertThat(bar.uptimePercent()).isEqualTo(100.0);
    }

    @Test
    void anIntervalCrossingMidnightCountsOnBothDays() {
        UptimeBar bar = Uptime.bar(List.of(interval(ComponentStatus.MAJOR_OUTAGE,
                "2024-07-05T23:00:00Z", "2024-07-06T01:30:00Z")), LONG_AGO, NOW, Uptime.DAYS);

        assertThat(day(bar, "2024-07-04")).isEqualTo(new UptimeDay(LocalDate.parse("2024-07-04"), ComponentStatus.OPERATIONAL, 0, 0));
        assertThat(day(bar, "2024-07-05")).isEqualTo(new UptimeDay(LocalDate.parse("2024-07-05"), ComponentStatus.MAJOR_OUTAGE, 60, 0));
        assertThat(day(bar, "2024-07-06")).isEqualTo(new UptimeDay(LocalDate.parse("2024-07-06"), ComponentStatus.MAJOR_OUTAGE, 90, 0));
        assertThat(bar.outageMinutes()).isEqualTo(150);
        assertThat(bar.uptimePercent()).isCloseTo(100.0 * (1 - 150 / FULL_WINDOW_MINUTES), within(1e-9));
    }

    @Test
    void theReferenceIncidentIs162MinutesOfPartialOutage() {
        Instant now = Instant.parse("2024-07-06T00:00:00Z");
        UptimeBar bar = Uptime.bar(List.of(interval(ComponentStatus.PARTIAL_OUTAGE,
                "2024-07-05T10:54:00Z", "2024-07-05T13:36:00Z")), LONG_AGO, now, Uptime.DAYS);

        assertThat(bar.days().get(88)).isEqualTo(new UptimeDay(LocalDate.parse("2024-07-05"), ComponentStatus.PARTIAL_OUTAGE, 162, 0));
        assertThat(bar.days().get(89).known()).as("today, at its first moment, has nothing observed yet").isFalse();
        assertThat(bar.uptimePercent()).isCloseTo(100.0 * (1 - 162.0 / (89 * 1440)), within(1e-9));
    }

    @Test
    void degradedPerformanceIsTheDaysWorstStatusButNoOutage() {
        UptimeBar bar = Uptime.bar(List.of(interval(ComponentStatus.DEGRADED_PERFORMANCE,
                "2024-07-08T10:00:00Z", "2024-07-08T11:00:00Z")), LONG_AGO, NOW, Uptime.DAYS);

        assertThat(day(bar, "2024-07-08")).isEqualTo(new UptimeDay(LocalDate.parse("2024-07-08"), ComponentStatus.DEGRADED_PERFORMANCE, 0, 60));
        assertThat(bar.uptimePercent()).isEqualTo(100.0);
    }

    @Test
    void overlappingIncidentsCountTheWorseStatusOnce() {
        UptimeBar bar = Uptime.bar(List.of(
                interval(ComponentStatus.DEGRADED_PERFORMANCE, "2024-07-08T10:00:00Z", "2024-07-08T12:00:00Z"),
                interval(ComponentStatus.PARTIAL_OUTAGE, "2024-07-08T10:30:00Z", "2024-07-08T11:00:00Z"),
                interval(ComponentStatus.MAJOR_OUTAGE, "2024-07-08T10:45:00Z", "2024-07-08T11:15:00Z")), LONG_AGO, NOW, Uptime.DAYS);

        assertThat(day(bar, "2024-07-08")).isEqualTo(
                new UptimeDay(LocalDate.parse("2024-07-08"), ComponentStatus.MAJOR_OUTAGE, 45, 75));
    }

    @Test
    void anOngoingIntervalCountsUpToNowAndTodayOnlySoFar() {
        UptimeBar bar = Uptime.bar(List.of(interval(ComponentStatus.MAJOR_OUTAGE, "2024-07-10T11:00:00Z", null)),
                LONG_AGO, NOW, Uptime.DAYS);

        assertThat(day(bar, "2024-07-10").outageMinutes()).isEqualTo(60);
        assertThat(bar.uptimePercent()).isCloseTo(100.0 * (1 - 60 / FULL_WINDOW_MINUTES), within(1e-9));
    }

    @Test
    void onlyTheWindowCountsAndPartsOfAMinuteRoundUp() {
        UptimeBar bar = Uptime.bar(List.of(
                interval(ComponentStatus.MAJOR_OUTAGE, "2024-04-01T00:00:00Z", "2024-04-12T00:30:00Z"),
                interval(ComponentStatus.PARTIAL_OUTAGE, "2024-07-09T08:00:00Z", "2024-07-09T08:00:20Z")),
                LONG_AGO, NOW, Uptime.DAYS);

        assertThat(bar.days().get(0)).isEqualTo(new UptimeDay(LocalDate.parse("2024-04-12"), ComponentStatus.MAJOR_OUTAGE, 30, 0));
        assertThat(day(bar, "2024-07-09")).isEqualTo(new UptimeDay(LocalDate.parse("2024-07-09"), ComponentStatus.PARTIAL_OUTAGE, 1, 0));
        assertThat(bar.outageMinutes()).isEqualTo(31);
    }

    @Test
    void daysBeforeTheComponentWasKnownHaveNoDataAndDoNotCount() {
        Instant defined = Instant.parse("2024-07-09T06:00:00Z");
        UptimeBar bar = Uptime.bar(List.of(interval(ComponentStatus.MAJOR_OUTAGE,
                "2024-07-09T00:00:00Z", "2024-07-09T03:00:00Z")), defined, NOW, Uptime.DAYS);

        assertThat(bar.days().subList(0, 88)).allSatisfy(d -> assertThat(d.known()).isFalse());
        assertThat(day(bar, "2024-07-09")).isEqualTo(new UptimeDay(LocalDate.parse("2024-07-09"), ComponentStatus.MAJOR_OUTAGE, 180, 0));
        assertThat(bar.uptimePercent()).isCloseTo(100.0 * (1 - 180.0 / (24 * 60 + 12 * 60)), within(1e-9));
        assertThat(bar.observedSince()).as("the first interval, before the definition, starts what was observed")
                .isEqualTo(Instant.parse("2024-07-09T00:00:00Z"));

        UptimeBar brandNew = Uptime.bar(List.of(), NOW, NOW, Uptime.DAYS);
        assertThat(brandNew.uptimePercent()).isNull();
        assertThat(brandNew.days()).noneMatch(UptimeDay::known);
        assertThat(brandNew.observedSince()).as("nothing observed, nothing to date").isNull();
    }

    @Test
    void aComponentYoungerThanTheWindowHasItsUptimeOverItsOwnLifetimeAndSaysSinceWhen() {
        Instant defined = NOW.minusSeconds(120);
        UptimeBar young = Uptime.bar(List.of(interval(ComponentStatus.MAJOR_OUTAGE,
                NOW.minusSeconds(60).toString(), null)), defined, NOW, Uptime.DAYS);

        assertThat(young.observedSince()).isEqualTo(defined);
        assertThat(young.uptimePercent()).as("one minute of outage in two minutes of life").isCloseTo(50.0, within(1e-9));

        UptimeBar old = Uptime.bar(List.of(), LONG_AGO, NOW, Uptime.DAYS);
        assertThat(old.observedSince()).as("observed over the whole window").isNull();
        UptimeBar monthOld = Uptime.bar(List.of(), Instant.parse("2024-06-01T00:00:00Z"), NOW, 30);
        assertThat(monthOld.observedSince()).as("older than a 30-day window").isNull();
        assertThat(Uptime.bar(List.of(), Instant.parse("2024-06-01T00:00:00Z"), NOW, 60).observedSince())
                .isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void maintenanceIsShownButIsNoOutage() {
        UptimeBar bar = Uptime.bar(List.of(interval(ComponentStatus.UNDER_MAINTENANCE,
                "2024-07-07T02:00:00Z", "2024-07-07T04:00:00Z")), LONG_AGO, NOW, Uptime.DAYS);

        assertThat(day(bar, "2024-07-07").worst()).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        assertThat(bar.outageMinutes()).isZero();
    }
}
