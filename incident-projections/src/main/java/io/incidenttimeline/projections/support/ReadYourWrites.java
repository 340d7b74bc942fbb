package io.incidenttimeline.projections.support;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Reads a document again until the view has reached a version the caller knows is stored, for a bounded time. */
public final class ReadYourWrites {

    private static final long PAUSE_MILLIS = 20;

    private ReadYourWrites() {
    }

    /** The document once its version is at least {@code minVersion}, waiting at most {@code wait}; else as it is. */
    public static <T> Optional<T> await(Supplier<Optional<T>> read, ToLongFunction<T> version, long minVersion,
                                        Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<T> found = read.get();
        while (found.map(document -> version.applyAsLong(document) < minVersion).orElse(true)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = read.get();
        }
        return found;
    }
}
