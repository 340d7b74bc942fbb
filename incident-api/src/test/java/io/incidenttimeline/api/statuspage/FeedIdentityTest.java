package io.incidenttimeline.api.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The address feed ids are minted from, on a real (in-memory H2) event store database with the real migration. */
class FeedIdentityTest {

    private JdbcTemplate eventStore;

    @BeforeEach
    void database() throws IOException {
        eventStore = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/h2/V24__feed_identity.sql")) {
            eventStore.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theFirstRealPageUrlIsKeptWhenTheUrlChangesLater() {
        assertThat(identity("https://status.example.com/").base()).isEqualTo("https://status.example.com");

        FeedIdentity moved = identity("https://status.example.org");
        assertThat(moved.base()).isEqualTo("https://status.example.com");
        assertThat(moved.authority()).isEqualTo("status.example.com");
        assertThat(eventStore.queryForObject("SELECT COUNT(*) FROM feed_identity", Integer.class)).isEqualTo(1);
    }

    @Test
    void aLocalhostUrlIsUsedButNotRecordedSoTheRealOneLaterIsKept() {
        FeedIdentity local = identity("http://localhost:8080");
        assertThat(local.base()).isEqualTo("http://localhost:8080");
        assertThat(local.authority()).isEqualTo("localhost");
        assertThat(identity("http://127.0.0.1:8080").authority()).isEqualTo("127.0.0.1");
        assertThat(eventStore.queryForObject("SELECT COUNT(*) FROM feed_identity", Integer.class)).isZero();

        assertThat(identity("https://Status.Example.com").authority()).isEqualTo("status.example.com");
        assertThat(identity("http://localhost:8080").authority()).as("recorded now, even if the URL goes back")
                .isEqualTo("status.example.com");
    }

    private FeedIdentity identity(String url) {
        return new FeedIdentity(new PageProperties("page", "Page", url, "Etc/UTC"), eventStore, Clock.systemUTC());
    }
}
