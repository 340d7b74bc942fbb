package io.incidenttimeline.api.page;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Last-Modified of a page: the latest of the moments its content depends on. Pages change with the data and
 * with time too (a day ends, an update falls due, an ongoing outage grows by the minute), so those moments count
 * once they have passed.
 */
final class LastModified {

    private LastModified() {
    }

    static Instant latest(Instant now, Stream<Instant> moments) {
        return moments.filter(Objects::nonNull).filter(m -> !m.isAfter(now)).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
