package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void postgresParametersNamingAUserOrASecretAreRemoved() {
        assertThat(JdbcUrls.withoutCredentials(
                "jdbc:postgresql://db.internal:5432/incidents?user=app&password=s3cret&ssl=true&sslpassword=x"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/incidents?ssl=true");
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://db/incidents?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/incidents");
    }

    @Test
    void userInformationBeforeTheHostIsRemoved() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:mysql://app:s3cret@db.internal/incidents"))
                .isEqualTo("jdbc:mysql://db.internal/incidents");
    }

    @Test
    void h2SettingsNamingAUserOrAPasswordAreRemoved() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:h2:file:/data/incident-timeline;USER=sa;PASSWORD=x;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:/data/incident-timeline;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aUrlWithoutCredentialsIsKept() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://127.0.0.1:5432/incident_timeline"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/incident_timeline");
    }
}
