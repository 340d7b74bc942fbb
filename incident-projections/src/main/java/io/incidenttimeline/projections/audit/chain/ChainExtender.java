package io.incidenttimeline.projections.audit.chain;

import io.incidenttimeline.projections.audit.AuditProperties;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the events stored after the chain's head to the stored chain, in global order.
 *
 * <p>The global index may have gaps: a rolled-back transaction never fills the number it drew. A gap may also be a
 * transaction still in flight that will commit an event below events already visible; chaining past it would leave
 * that event out for ever. So the chain passes a gap only once the event after it is older than
 * {@code incident.audit.gap-settle-time}; until then it stops before the gap and catches up on a later run.
 *
 * <p>It never extends while the chain's continuity is broken ({@link ChainContinuity}): a chain started or continued
 * over rows whose recorded links or checkpoints were deleted would vouch for whatever the rows say now.
 */
@Component
public class ChainExtender {

    private static final Logger log = LoggerFactory.getLogger(ChainExtender.class);

    private final EventRows events;
    private final ChainStore chain;
    private final ChainContinuity continuity;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration settleTime;
    private long lastReportedUnreadable = -1;

    public ChainExtender(EventRows events, ChainStore chain, ChainContinuity continuity,
                         PlatformTransactionManager transactions, Clock clock, AuditProperties properties) {
        this.events = events;
        this.chain = chain;
        this.continuity = continuity;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settleTime = properties.gapSettleTime();
    }

    /** Extends the stored chain as far as it safely can and returns its head. */
    public synchronized ChainEntry extend() {
        ChainEntry head = chain.head();
        if (continuity.check().isPresent()) {
            return head;
        }
        while (true) {
            List<StoredEvent> page = events.page(head.position(), Long.MAX_VALUE, EventRows.PAGE_SIZE);
            List<ChainEntry> links = new ArrayList<>(page.size());
            ChainEntry last = head;
            boolean blocked = false;
            for (StoredEvent event : page) {
                if (event.position() != last.position() + 1 && !settled(event)) {
                    blocked = true;
                    break;
                }
                byte[] envelope;
                try {
                    envelope = Envelope.canonical(event);
                } catch (UnreadableEventException e) {
                    reportUnreadable(e);
                    blocked = true;
                    break;
                }
                last = new ChainEntry(event.position(), event.eventId(), ChainHash.next(last.hash(), envelope));
                links.add(last);
            }
            if (!links.isEmpty()) {
                try {
                    transaction.executeWithoutResult(status -> chain.append(links));
                } catch (DuplicateKeyException otherNode) {
                    log.info("another instance extended the audit chain at the same time; continuing from its head");
                    return chain.head();
                }
                head = last;
            }
            if (blocked || page.size() < EventRows.PAGE_SIZE) {
                return head;
            }
        }
    }

    private boolean settled(StoredEvent eventAfterGap) {
        try {
            return Instant.parse(eventAfterGap.recordedAt()).plus(settleTime).isBefore(clock.instant());
        } catch (DateTimeParseException unreadableTime) {
            return true;
        }
    }

    private void reportUnreadable(UnreadableEventException e) {
        if (e.position() != lastReportedUnreadable) {
            lastReportedUnreadable = e.position();
            log.error("the audit chain stops before position {}: {}; run GET /api/v1/audit/verify", e.position(),
                    e.getMessage());
        }
    }
}
