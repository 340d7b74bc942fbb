package io.incidenttimeline.api.http.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The impact's duration as the page writes it, in each language of the page's own words: no part that is zero. */
class ImpactDurationTest {

    private final Words english = new Words(new PageConfig().messageSource(), Locale.ENGLISH);
    private final Words german = new Words(new PageConfig().messageSource(), Locale.GERMAN);

    @Test
    void underAnHourOnlyMinutesOnTheHourOnlyHoursOtherwiseBoth() {
        assertThat(PageReader.UI_LANGUAGES).as("every language of the page is checked here").containsExactly("en", "de");
        assertThat(IncidentPageModel.duration(Duration.ofMinutes(31), english)).isEqualTo("31 min");
        assertThat(IncidentPageModel.duration(Duration.ofMinutes(31), german)).isEqualTo("31 Min.");
        assertThat(IncidentPageModel.duration(Duration.ofMinutes(162), english)).isEqualTo("2 h 42 min");
        assertThat(IncidentPageModel.duration(Duration.ofMinutes(162), german)).isEqualTo("2 Std. 42 Min.");
        assertThat(IncidentPageModel.duration(Duration.ofHours(3), english)).isEqualTo("3 h");
        assertThat(IncidentPageModel.duration(Duration.ofHours(3), german)).isEqualTo("3 Std.");
        assertThat(IncidentPageModel.duration(Duration.ofSeconds(20), english)).isEqualTo("0 min");
    }
}
