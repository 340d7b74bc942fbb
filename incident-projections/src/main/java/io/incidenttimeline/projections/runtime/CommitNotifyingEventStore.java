package io.incidenttimeline.projections.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The embedded event store, made to tell its readers about new events as soon as they are committed, so a public
 * update reaches the read models in milliseconds rather than at the next poll.
 * <p>
 * The streams it hands to pooled streaming processors support the availability callback, so the processor's
 * coordinator is scheduled as soon as a unit of work has committed instead of polling every half second; the first
 * look after a commit waits briefly for the fetcher to deliver. A coordinator that was busy when told drops the
 * wake-up, so the streams are told again a few times shortly after each commit.
 */
public class CommitNotifyingEventStore extends EmbeddedEventStore {

    static final Duration DELIVERY_WAIT = Duration.ofMillis(200);
    static final List<Duration> TELL_AGAIN = List.of(Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofMillis(1500));

    private final Set<NotifyingStream> streams = ConcurrentHashMap.newKeySet();
    private final ThreadPoolTaskScheduler reminders;

    /** @param reminders tells the streams again; shut down with the store */
    public CommitNotifyingEventStore(Builder builder, ThreadPoolTaskScheduler reminders) {
        super(builder);
        this.reminders = reminders;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        streams.forEach(NotifyingStream::committed);
        for (Duration delay : TELL_AGAIN) {
            reminders.schedule(() -> streams.forEach(NotifyingStream::remind), reminders.getClock().instant().plus(delay));
        }
    }

    @Override
    public void shutDown() {
        reminders.shutdown();
        super.shutDown();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        NotifyingStream stream = new NotifyingStream(super.openStream(trackingToken));
        streams.add(stream);
        return stream;
    }

    private final class NotifyingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile Runnable callback = () -> { };

        private NotifyingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        void committed() {
            pending.set(true);
            callback.run();
        }

        void remind() {
            callback.run();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            try {
                return hasNextAvailable(0, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout == 0 && pending.getAndSet(false)) {
                return delegate.hasNextAvailable((int) DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
