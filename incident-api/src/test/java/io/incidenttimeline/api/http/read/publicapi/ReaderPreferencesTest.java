package io.incidenttimeline.api.http.read.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.core.shared.CommandRejected;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderPreferencesTest {

    private static final List<String> AVAILABLE = List.of("en", "de", "pt-BR");

    @Test
    void langWinsOverAcceptLanguageAndFallsBackByLanguageThenToTheOriginal() {
        assertThat(ReaderPreferences.of("de", "pt-BR", null).choose(AVAILABLE)).isEqualTo("de");
        assertThat(ReaderPreferences.of("de-AT", null, null).choose(AVAILABLE)).isEqualTo("de");
        assertThat(ReaderPreferences.of("pt", null, null).choose(AVAILABLE)).isEqualTo("pt-BR");
        assertThat(ReaderPreferences.of("fr", null, null).choose(AVAILABLE)).isEqualTo("en");
        assertThat(ReaderPreferences.of(null, "fr, pt-BR;q=0.8, de;q=0.5", null).choose(AVAILABLE)).isEqualTo("pt-BR");
        assertThat(ReaderPreferences.of(null, "*", null).choose(AVAILABLE)).isEqualTo("en");
        assertThat(ReaderPreferences.of(null, null, null).choose(AVAILABLE)).isEqualTo("en");
    }

    @Test
    void zonesComeFromTheIanaDatabaseOnly() {
        assertThat(ReaderPreferences.of(null, null, "America/Los_Angeles").zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(ReaderPreferences.of(null, null, null).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> ReaderPreferences.of(null, null, "+02:00")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ReaderPreferences.of(null, null, "PDT")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ReaderPreferences.of("xx-invalid-", null, null)).isInstanceOf(CommandRejected.class);
    }

    @Test
    void localTimesCarryTheZoneAbbreviationOfTheMoment() {
        var summer = LocalizedTime.of(Instant.parse("2024-07-05T13:52:00Z"), ZoneId.of("America/Los_Angeles"));
        assertThat(summer).isEqualTo(new LocalizedTime("2024-07-05T13:52:00Z", "2024-07-05T06:52:00-07:00", "PDT",
                "2024-07-05 06:52 PDT"));
        var winter = LocalizedTime.of(Instant.parse("2024-12-05T13:52:00Z"), ZoneId.of("America/Los_Angeles"));
        assertThat(winter.zone()).isEqualTo("PST");
        assertThat(winter.text()).isEqualTo("2024-12-05 05:52 PST");
        assertThat(LocalizedTime.of(null, ZoneId.of("UTC"))).isNull();
    }
}
