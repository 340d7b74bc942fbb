package io.incidenttimeline.projections.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.incidenttimeline.projections.audit.AuditProperties;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;

/** How the recorded chain grows past the head, and why it sometimes waits. */
class ChainExtenderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final EventRows events = mock(EventRows.class);
    private final ChainStore chain = mock(ChainStore.class);
    private final ChainEntry head = new ChainEntry(3, "e3", "ab".repeat(32));
    private ChainExtender extender;

    @BeforeEach
    void chainedThroughPosition3() {
        extender = new ChainExtender(events, chain, mock(ChainContinuity.class), mock(PlatformTransactionManager.class),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new AuditProperties(null, null, Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(30)));
        when(chain.head()).thenReturn(head);
    }

    private static StoredEvent event(long position, Instant recordedAt, String payload) {
        return new StoredEvent(position, "e" + position, "T", "1", "Incident", "a", position, recordedAt.toString(),
                "{\"actor\":\"x\",\"channel\":\"api\"}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private void stored(StoredEvent... page) {
        when(events.page(eq(3L), anyLong(), anyInt())).thenReturn(List.of(page));
    }

    @SuppressWarnings("unchecked")
    private List<ChainEntry> appended() {
        ArgumentCaptor<List<ChainEntry>> captor = ArgumentCaptor.forClass(List.class);
        verify(chain).append(captor.capture());
        return captor.getValue();
    }

    @Test
    void eachNewEventIsLinkedToTheOneBefore() throws Exception {
        StoredEvent fourth = event(4, NOW, "{\"n\":4}");
        StoredEvent fifth = event(5, NOW, "{\"n\":5}");
        stored(fourth, fifth);

        ChainEntry newHead = extender.extend();

        String hash4 = ChainHash.next(head.hash(), Envelope.canonical(fourth));
        String hash5 = ChainHash.next(hash4, Envelope.canonical(fifth));
        assertThat(appended()).containsExactly(new ChainEntry(4, "e4", hash4), new ChainEntry(5, "e5", hash5));
        assertThat(newHead).isEqualTo(new ChainEntry(5, "e5", hash5));
    }

    @Test
    void aYoungGapMayStillBeFilledSoTheChainStopsBeforeIt() {
        stored(event(4, NOW, "{}"), event(6, NOW.minusSeconds(5), "{}"));

        ChainEntry newHead = extender.extend();

        assertThat(appended()).extracting(ChainEntry::position).containsExactly(4L);
        assertThat(newHead.position()).isEqualTo(4);
    }

    @Test
    void aGapOlderThanTheSettleTimeIsARolledBackTransactionAndIsPassed() {
        stored(event(4, NOW, "{}"), event(6, NOW.minusSeconds(31), "{}"));

        assertThat(extender.extend().position()).isEqualTo(6);
        assertThat(appended()).extracting(ChainEntry::position).containsExactly(4L, 6L);
    }

    @Test
    void anUnreadableEventStopsTheChainBeforeIt() {
        stored(event(4, NOW, "{}"), event(5, NOW, "{not json"), event(6, NOW, "{}"));

        assertThat(extender.extend().position()).isEqualTo(4);
        assertThat(appended()).extracting(ChainEntry::position).containsExactly(4L);
    }

    @Test
    void nothingNewMeansNothingWritten() {
        stored();

        assertThat(extender.extend()).isEqualTo(head);
        verify(chain, never()).append(org.mockito.ArgumentMatchers.any());
    }
}
