package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

/** The embeddedStore health component: where H2's file lives, and DOWN while its disk has too little space. */
class EmbeddedStoreHealthTest {

    @Test
    void theDirectoryOfAnH2FileDatabaseIsFoundInItsUrlAndOtherDatabasesHaveNone() {
        assertThat(EmbeddedStoreHealth.directoryOf("jdbc:h2:file:/srv/data/incident-timeline;WRITE_DELAY=0"))
                .contains(Path.of("/srv/data"));
        assertThat(EmbeddedStoreHealth.directoryOf("jdbc:h2:/srv/data/db")).contains(Path.of("/srv/data"));
        assertThat(EmbeddedStoreHealth.directoryOf("jdbc:h2:./data/db"))
                .contains(Path.of("data").toAbsolutePath());
        assertThat(EmbeddedStoreHealth.directoryOf("jdbc:h2:~/db"))
                .contains(Path.of(System.getProperty("user.home")));
        assertThat(EmbeddedStoreHealth.directoryOf("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(EmbeddedStoreHealth.directoryOf("jdbc:h2:tcp://db-host/data/db")).isEmpty();
        assertThat(EmbeddedStoreHealth.directoryOf("jdbc:postgresql://localhost:5432/incident_timeline")).isEmpty();
    }

    @Test
    void healthIsDownWhileTheDiskHasLessFreeSpaceThanTheMinimumAndSaysWhy(@TempDir Path data) {
        assertThat(new EmbeddedStoreHealth(List.of(data), 1).health().getStatus()).isEqualTo(Status.UP);

        var full = new EmbeddedStoreHealth(List.of(data), Long.MAX_VALUE).health();
        assertThat(full.getStatus()).isEqualTo(Status.DOWN);
        assertThat(full.getDetails().get("reason").toString()).contains(data.toString())
                .contains("incident.embedded-store.min-free-space").contains("free space on that disk");
    }

    @Test
    void aDirectoryTheDatabaseHasNotCreatedYetIsJudgedByItsNearestParent(@TempDir Path data) {
        assertThat(new EmbeddedStoreHealth(List.of(data.resolve("not/yet")), 1).health().getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void withoutAnH2FileDatabaseHealthIsUp() {
        assertThat(new EmbeddedStoreHealth(List.of(), Long.MAX_VALUE).health().getStatus()).isEqualTo(Status.UP);
    }
}
