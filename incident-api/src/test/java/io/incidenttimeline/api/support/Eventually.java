package io.incidenttimeline.api.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Projections follow the event store asynchronously: tests poll until what they expect shows, or give up. */
public final class Eventually {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long PAUSE_MILLIS = 20;

    private Eventually() {
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> expected, String what) {
        return until(probe, expected, what, TIMEOUT);
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> expected, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!expected.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
