package io.incidenttimeline.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptCoordinatorExecutorTest {

    private final PromptCoordinatorExecutor executor = new PromptCoordinatorExecutor("some-projection");

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void theCoordinatorsFullBufferPauseOf100MillisecondsBecomesAShortRetry() {
        ScheduledFuture<?> retry = executor.schedule(() -> { }, 100, TimeUnit.MILLISECONDS);

        assertThat(retry.getDelay(TimeUnit.MILLISECONDS))
                .isLessThanOrEqualTo(PromptCoordinatorExecutor.FULL_BUFFER_RETRY.toMillis());
    }

    @Test
    void everyOtherDelayStaysAsAsked() {
        ScheduledFuture<?> claimRound = executor.schedule(() -> { }, 1000, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> noCallbackPoll = executor.schedule(() -> { }, 500, TimeUnit.MILLISECONDS);

        assertThat(claimRound.getDelay(TimeUnit.MILLISECONDS)).isBetween(900L, 1000L);
        assertThat(noCallbackPoll.getDelay(TimeUnit.MILLISECONDS)).isBetween(400L, 500L);
    }

    @Test
    void itsThreadIsNamedAfterTheProcessorAsAxonNamesIt() throws Exception {
        String name = executor.submit(() -> Thread.currentThread().getName()).get();

        assertThat(name).startsWith("Coordinator[some-projection]");
    }
}
